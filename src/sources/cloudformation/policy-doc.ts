// IAM policy documents from templates (a map, or a JSON string), values kept as written; unknowns stay unknown.
import { unknown, type Maybe, type PolicyDocument, type PolicyScalar, type PolicyStatement, type PolicyValue } from '../../model/index.js';
import type { PropReader } from './prop-reader.js';
import { fromPlain, get, textOf, type Val } from './val.js';

/** Reads a policy; an invalid one is an input error (and undefined). */
export function readPolicy(v: Val | undefined, r: PropReader, what: string): Maybe<PolicyDocument> | undefined {
  if (v === undefined) return undefined;
  if (v.k === 'unknown') return unknown(v.reason, r.originAt(v.loc));
  let doc: Val = v;
  if (v.k === 'scalar') {
    try {
      doc = fromPlain(JSON.parse(v.text), v.loc);
    } catch {
      r.problemAt('bad-policy', `${what} is not valid JSON`, v);
      return undefined;
    }
  }
  if (doc.k !== 'map') {
    r.problemAt('bad-policy', `${what} must be a policy document`, v);
    return undefined;
  }
  const statementsVal = get(doc, 'Statement');
  if (statementsVal?.k === 'unknown') return unknown(statementsVal.reason, r.originAt(statementsVal.loc));
  const items = statementsVal?.k === 'list' ? statementsVal.items : statementsVal ? [statementsVal] : [];
  const statements: PolicyStatement[] = [];
  for (const item of items) {
    const s = readStatement(item, r, what);
    if (s) statements.push(s);
  }
  const version = textOf(get(doc, 'Version'));
  return { ...(version ? { Version: version } : {}), Statement: statements };
}

function readStatement(item: Val, r: PropReader, what: string): PolicyStatement | undefined {
  if (item.k !== 'map') {
    r.problemAt('bad-policy', `a statement of ${what} must be a map`, item);
    return undefined;
  }
  const effect = textOf(get(item, 'Effect'));
  if (effect !== 'Allow' && effect !== 'Deny') {
    r.problemAt('bad-policy', `a statement of ${what} needs Effect Allow or Deny`, item);
    return undefined;
  }
  const out: { -readonly [K in keyof PolicyStatement]: PolicyStatement[K] } = { Effect: effect };
  const sid = textOf(get(item, 'Sid'));
  if (sid) out.Sid = sid;
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    const v = get(item, key);
    if (v) out[key] = policyValue(v, r);
  }
  for (const key of ['Principal', 'NotPrincipal'] as const) {
    const v = get(item, key);
    if (!v) continue;
    if (v.k === 'scalar' && v.text === '*') out[key] = '*';
    else if (v.k === 'map') out[key] = Object.fromEntries(v.entries.map((e) => [e.key, policyValue(e.val, r)]));
    else out[key] = { AWS: policyValue(v, r) };
  }
  const condition = get(item, 'Condition');
  if (condition?.k === 'map') {
    out.Condition = Object.fromEntries(condition.entries.map((op) => [
      op.key,
      op.val.k === 'map' ? Object.fromEntries(op.val.entries.map((e) => [e.key, policyValue(e.val, r)])) : {},
    ]));
  }
  return out;
}

function policyValue(v: Val, r: PropReader): PolicyValue {
  if (v.k === 'list') return v.items.map((i) => scalar(i, r));
  return scalar(v, r);
}

function scalar(v: Val, r: PropReader): PolicyScalar {
  if (v.k === 'unknown') return unknown(v.reason, r.originAt(v.loc));
  if (v.k === 'scalar') return v.text;
  return JSON.stringify(v.k === 'map' ? Object.fromEntries(v.entries.map((e) => [e.key, textOf(e.val) ?? ''])) : '');
}
