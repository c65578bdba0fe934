// IAM policy documents as the APIs return them: a JSON string (API Gateway's with its quotes escaped once more).
import {
  unknown, type Maybe, type Origin, type PolicyDocument, type PolicyScalar, type PolicyStatement, type PolicyValue,
} from '../../model/index.js';
import { isObj, type Obj } from './json-read.js';

/**
 * The policy in a `PolicyDocument`/`policy` string. API Gateway's GetRestApis and GetDomainNames return the policy
 * with its quotes backslash-escaped (`{\"Version\":...}`): read as a JSON string literal first, it parses.
 * Something that is not a policy stays unknown, with the reason, rather than being guessed at.
 */
export function readPolicyString(text: string | undefined, what: string, origin: Origin): Maybe<PolicyDocument> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  // An object whose first token is a backslash is not JSON: the escaped form, read without first making
  // JSON.parse throw (a thrown error costs more than the parse, once per API of a large estate).
  const parsed = ESCAPED.test(text) ? undefined : parse(text);
  let value: unknown;
  if (parsed) {
    value = parsed.value;
  } else {
    try {
      value = JSON.parse(JSON.parse(`"${text.replace(/\n/g, '\\n')}"`) as string);
    } catch {
      return unknown(`${what} is not valid JSON`, origin);
    }
  }
  if (typeof value === 'string') return readPolicyString(value, what, origin);
  return isObj(value) ? toPolicy(value) : unknown(`${what} is not a policy document`, origin);
}

/** `{\"Version\"...`: JSON white space, `{`, white space, a backslash. */
const ESCAPED = /^[ \t\n\r]*\{[ \t\n\r]*\\/;

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function toPolicy(doc: Obj): PolicyDocument {
  const raw = doc.Statement;
  const statements = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isObj).flatMap((s): PolicyStatement[] => {
    const effect = s.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') return [];
    const out: { -readonly [K in keyof PolicyStatement]: PolicyStatement[K] } = { Effect: effect };
    if (typeof s.Sid === 'string') out.Sid = s.Sid;
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
      if (s[key] !== undefined) out[key] = value(s[key]);
    }
    for (const key of ['Principal', 'NotPrincipal'] as const) {
      const p = s[key];
      if (p === undefined) continue;
      if (p === '*') out[key] = '*';
      else if (isObj(p)) out[key] = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, value(v)]));
      else out[key] = { AWS: value(p) };
    }
    if (isObj(s.Condition)) {
      out.Condition = Object.fromEntries(Object.entries(s.Condition).map(([op, keys]) => [
        op, isObj(keys) ? Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, value(v)])) : {},
      ]));
    }
    return [out];
  });
  return { ...(typeof doc.Version === 'string' ? { Version: doc.Version } : {}), Statement: statements };
}

/** Values as strings, as IAM compares them (`true`, `443`). */
function value(v: unknown): PolicyValue {
  return Array.isArray(v) ? v.map(scalar) : scalar(v);
}

function scalar(v: unknown): PolicyScalar {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}
