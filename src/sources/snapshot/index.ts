// Snapshot folders (docs/snapshot-format.md; Batfish's AWS layout): describe-*/get-*/list-* JSON into the model.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Model, Note } from '../../model/index.js';
import type { InputProblem } from '../input-problem.js';
import { readRestApis, restResource, restStage } from './api-gateway.js';
import { apiMapping, readDomainNames, restMapping } from './api-gateway-domains.js';
import { httpRoute, httpStage, readHttpApis } from './api-gateway-v2.js';
import { Build, located, type Located } from './context.js';
import { dispatchFile, GLOBAL_KINDS, isPreparedKind, type Dispatched, type PreparedKind } from './dispatch.js';
import { checkEndpointInterfaces, readVpcEndpoints } from './ec2-endpoints.js';
import { readNatGateways, readPeeringConnections, readPrefixLists, readTransitGateways, readVpnGateways } from './ec2-gateways.js';
import { readAddresses, readInstances, readNetworkInterfaces } from './ec2-interfaces.js';
import { readRouteTables } from './ec2-routes.js';
import { readNetworkAcls, readSecurityGroups } from './ec2-security.js';
import { readDhcpOptions, readInternetGateways, readSubnets, readVpcs } from './ec2-vpc.js';
import { parseJson, SnapshotFile } from './json-positions.js';
import { readFunctions } from './lambda.js';
import { FailedCalls, manifestFindings, readManifest } from './manifest.js';
import { readResolverEndpoints, readResolverRules } from './resolver.js';
import { readHostedZones, readPublicDns } from './route53.js';
import { placeAnswers } from './scope.js';
import { walkSnapshot } from './walk.js';

export interface SnapshotOptions {
  /** The folder as the user named it: origins are `<displayPath>/aws_configs/...`. */
  readonly displayPath: string;
  /** The region of files straight under aws_configs/ when their subnets do not tell it. */
  readonly region?: string;
  /** The account when neither folders, manifest nor OwnerId tell it. */
  readonly account?: string;
}

/** A folder with `aws_configs/`, or a `manifest.json` whose format is `vpcpath-snapshot`. */
export function isSnapshotDir(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    if (existsSync(join(path, 'aws_configs')) && statSync(join(path, 'aws_configs')).isDirectory()) return true;
    const manifest = join(path, 'manifest.json');
    if (!existsSync(manifest)) return false;
    const parsed = parseJson(readFileSync(manifest, 'utf8'));
    return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null &&
      (parsed.value as { format?: unknown }).format === 'vpcpath-snapshot';
  } catch {
    return false;
  }
}

/** Reads every answer of the snapshot; bad files are problems, files and keys nobody reads are notes. */
export function loadSnapshot(path: string, options: SnapshotOptions): { model: Model; problems: InputProblem[] } {
  const display = options.displayPath.replace(/[\\/]+$/, '') || '.';
  const problems: InputProblem[] = [];
  const notes: Note[] = [];
  const manifest = readManifest(path, display);
  problems.push(...manifest.problems);

  const walked = walkSnapshot(path);
  for (const rel of walked.others) notes.push({ level: 'info', code: 'snapshot-unknown-file', message: `${display}/${rel} is not a JSON answer: ignored`, origin: { file: `${display}/${rel}` } });
  const answers: Dispatched[] = [];
  for (const f of walked.files) {
    const shown = `${display}/${f.rel}`;
    let text: string;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch (e) {
      problems.push({ code: 'unreadable', file: shown, message: `cannot read the file: ${(e as Error).message}` });
      continue;
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      problems.push({ code: 'json-syntax', file: shown, line: parsed.line, column: parsed.column, message: `not valid JSON: ${parsed.message}` });
      continue;
    }
    const file = new SnapshotFile(f.rel, shown, text, parsed.value);
    const d = dispatchFile(file, f.name, f.place);
    problems.push(...d.problems);
    if (d.ignoredKeys.length) {
      notes.push({ level: 'info', code: 'snapshot-unread', message: `${shown}: ${d.ignoredKeys.join(', ')} ${d.ignoredKeys.length > 1 ? 'are' : 'is'} not read by vpcpath`, origin: file.at(-1) });
    }
    let readAgain = false;
    for (const answer of d.found) {
      if (f.place.global && !GLOBAL_KINDS.has(answer.kind)) {
        notes.push({ level: 'warning', code: 'snapshot-misplaced', message: `${shown}: ${answer.key} is a regional answer, not a global one: ignored`, origin: file.at(-1) });
      } else if (isPreparedKind(answer.kind)) {
        answers.push({ ...answer, prepared: [...located(answer)].flatMap(PREPARE[answer.kind]) });
      } else {
        answers.push(answer);
        readAgain = true;
      }
    }
    // The readers parse the file again when they come to it: what JSON.parse made is not kept meanwhile, nor
    // the text of a file they will not come to.
    if (readAgain) file.release();
    else file.releaseText();
  }

  const placed = placeAnswers(answers, manifest.info, options);
  const b = new Build(placed.scoped, new FailedCalls(manifest.info?.failed));
  b.model.notes.push(...notes, ...placed.notes);
  for (const read of READERS) read(b);
  if (manifest.info) {
    const findings = manifestFindings(manifest.info);
    b.model.missingCollections.push(...findings.missing);
    b.model.notes.push(...findings.notes);
  }
  return { model: b.model, problems: [...problems, ...b.problems] };
}

/**
 * The calls made for one API or domain, read as the snapshot is walked (while the file's value is at hand): each
 * element into what the model holds of it, which the API and domain readers take as it is.
 */
const PREPARE: { readonly [K in PreparedKind]: (element: Located) => unknown[] } = {
  RestStages: restStage, RestResources: restResource, ApiStages: httpStage, ApiRoutes: httpRoute,
  BasePathMappings: restMapping, ApiMappings: apiMapping,
};

/** In dependency order: ENIs name the endpoints and NAT gateways they belong to; functions and resolver
 * endpoints find their ENIs; instances and Elastic IPs complete them. */
const READERS: readonly ((b: Build) => void)[] = [
  readVpcs, readSubnets, readDhcpOptions, readInternetGateways, readVpnGateways, readPrefixLists,
  readSecurityGroups, readNetworkAcls, readRouteTables, readNatGateways, readVpcEndpoints,
  readNetworkInterfaces, readInstances, readAddresses, checkEndpointInterfaces,
  readPeeringConnections, readTransitGateways, readFunctions, readResolverRules, readResolverEndpoints,
  readHostedZones, readPublicDns, readRestApis, readHttpApis, readDomainNames,
];
