// The TLS handshake at a front door: the certificate names it presents against the SNI the client sends.
import type { Origin } from '../../model/index.js';
import type { Component, Confidence, Hop } from '../trace.js';

/** RFC 6125: a leading `*.` covers exactly one label; otherwise the names must be equal (case-insensitive). */
export function certificateCovers(certName: string, serverName: string): boolean {
  const cert = certName.toLowerCase();
  const name = serverName.toLowerCase();
  if (!cert.startsWith('*.')) return cert === name;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot + 1) === cert.slice(2);
}

export function coveringName(certNames: readonly string[], serverName: string): string | undefined {
  return certNames.find((c) => certificateCovers(c, serverName));
}

export interface TlsHopInput {
  readonly at: string;
  readonly elementId?: string;
  readonly component?: Component;
  readonly sni: string;
  readonly certNames: readonly string[];
  readonly origin?: Origin;
  readonly rules: string[];
  /** How sure the sources make us that this front door presents these names (a mismatch is always inferred). */
  readonly confidence: Confidence;
}

/** The `tls` hop: which presented name covers the SNI, or that none does. */
export function tlsHop(input: TlsHopInput): { hop: Hop; matched: boolean } {
  const covering = coveringName(input.certNames, input.sni);
  const shown = input.certNames.length > 4 ? [...input.certNames.slice(0, 4), '...'] : input.certNames;
  const hop: Hop = {
    at: input.at,
    ...(input.elementId ? { elementId: input.elementId } : {}),
    action: 'tls',
    verdict: covering ? 'pass' : 'answer',
    detail: covering
      ? `${input.sni} matches the certificate name ${covering}`
      : `no certificate name presented here (${shown.join(', ')}) matches ${input.sni}; the client aborts the handshake`,
    ...(input.component ? { component: input.component } : {}),
    ...(input.origin ? { origin: input.origin } : {}),
    rules: input.rules,
    confidence: covering ? input.confidence : 'inferred',
  };
  return { hop, matched: covering !== undefined };
}

/** Said whenever vpcpath reports a TLS failure: which names a front door presents is inferred from what it serves. */
export function tlsMismatchCaveat(presenter: string): string {
  return `${presenter} is taken to present certificates only for the names it serves (its own AWS names and the custom domains it hosts); a TLS failure for any other name is inferred.`;
}
