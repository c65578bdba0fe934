// The scenario file (shared/spec/scenario-format.md): a setup, requests made from inside it, and expectations.
import type { CauseCode, Component, DnsSource, Result } from '../sim/trace.js';
import type { ParameterSpec } from '../sources/parameter-spec.js';
import type { Position } from './yaml-reader.js';

export interface ModelItem {
  readonly path: string;
  readonly stack?: string;
  readonly region?: string;
  readonly account?: string;
  readonly parameters: Record<string, ParameterSpec>;
  readonly position: Position;
}

export interface FactDns { readonly name: string; readonly type: 'A' | 'AAAA' | 'CNAME' | 'ALIAS'; readonly value: string; readonly position: Position }

export interface FactApi {
  readonly id: string;
  readonly region: string;
  readonly kind: 'REST' | 'HTTP' | 'WEBSOCKET';
  readonly endpoint: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  readonly stages?: string[];
  readonly policy?: unknown;
  readonly vpcEndpointIds: string[];
  readonly disableExecuteApiEndpoint: boolean;
  readonly position: Position;
}

export interface FactDomain {
  readonly name: string;
  readonly endpoint: 'EDGE' | 'REGIONAL';
  readonly target: string;
  readonly mappings: { readonly basePath: string; readonly api: string; readonly stage?: string }[];
  readonly position: Position;
}

export interface Facts {
  readonly dns: FactDns[];
  readonly apis: FactApi[];
  readonly domains: FactDomain[];
}

export interface Expectation {
  readonly reached: boolean;
  readonly result?: Result;
  readonly status?: number;
  readonly errorType?: string;
  readonly dns?: DnsSource;
  readonly via?: Component[];
  readonly notVia?: Component[];
  readonly cause?: CauseCode;
}

export interface Check {
  readonly name: string;
  readonly from: string;
  readonly fromPosition: Position;
  readonly request: string;
  readonly requestPosition: Position;
  readonly headers: Record<string, string>;
  readonly expect: Expectation;
  readonly position: Position;
}

export interface Scenario {
  readonly file: string;
  readonly title: string;
  readonly sources: string[];
  readonly region: string;
  readonly account: string;
  readonly parameters: Record<string, ParameterSpec>;
  readonly template?: { readonly text: string; readonly lineOffset: number; readonly columnOffset: number };
  readonly model: ModelItem[];
  readonly facts: Facts;
  readonly checks: Check[];
}

export const RESULTS: readonly Result[] = [
  'reached', 'http', 'timeout', 'dns-failure', 'tls-failure', 'delivered', 'exits-network', 'unknown',
];
export const DNS_SOURCES: readonly DnsSource[] = [
  'endpoint-private-dns', 'private-zone', 'resolver-rule', 'public', 'nxdomain', 'no-resolver',
];
export const COMPONENTS: readonly Component[] = [
  'vpc-endpoint', 'internet-gateway', 'nat-gateway', 'vpc-peering', 'transit-gateway', 'cloudfront', 'api-gateway',
];
export const CAUSES: readonly CauseCode[] = [
  'ok', 'public-api-via-vpc-endpoint', 'private-api-outside-endpoint', 'resource-policy-denied',
  'endpoint-policy-denied', 'domain-not-associated', 'default-endpoint-disabled', 'stage-or-path-not-found',
  'no-route', 'no-public-ip', 'security-group-denied', 'network-acl-denied', 'nxdomain', 'vpc-dns-disabled',
  'missing-facts',
];
