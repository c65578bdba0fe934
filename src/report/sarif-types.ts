// The subset of SARIF 2.1.0 (OASIS, errata 01) that vpcpath writes. Section numbers are the specification's.

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** §3.58.6: `none` is never written by vpcpath. */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

/** §3.11: plain text (and, for rule texts, Markdown). */
export interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

/** §3.13 */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: SarifRun[];
}

/** §3.14 */
export interface SarifRun {
  readonly tool: { readonly driver: SarifToolComponent };
  /** §3.14.14: where each `uriBaseId` pointed when the log was written (an absolute `file:` URI ending in `/`). */
  readonly originalUriBaseIds?: Record<string, SarifArtifactLocation>;
  /** §3.14.18: how `startColumn` counts; vpcpath's columns are JavaScript string indexes. */
  readonly columnKind: 'utf16CodeUnits';
  readonly results: SarifResult[];
}

/** §3.19 */
export interface SarifToolComponent {
  readonly name: string;
  readonly version: string;
  readonly semanticVersion?: string;
  readonly informationUri: string;
  readonly rules: SarifReportingDescriptor[];
}

/** §3.49: one per rule id used in the run. */
export interface SarifReportingDescriptor {
  readonly id: string;
  /** A Pascal-case friendly name. */
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly help: SarifMessage;
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties?: { readonly tags?: string[] };
}

/** §3.27 */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  /** §3.27.12: at most one for vpcpath; absent when nothing places the result in a file. */
  readonly locations?: SarifLocation[];
  readonly relatedLocations?: SarifLocation[];
  /** §3.27.17 */
  readonly partialFingerprints: Record<string, string>;
  readonly properties?: Record<string, unknown>;
}

/** §3.28 */
export interface SarifLocation {
  /** §3.28.2: required on related locations, unique within the result. */
  readonly id?: number;
  readonly physicalLocation?: SarifPhysicalLocation;
  readonly logicalLocations?: SarifLogicalLocation[];
  readonly message?: SarifMessage;
  readonly properties?: Record<string, unknown>;
}

/** §3.29 */
export interface SarifPhysicalLocation {
  readonly artifactLocation: SarifArtifactLocation;
  readonly region?: SarifRegion;
}

/** §3.4: `uri` is relative to `uriBaseId` when that is given, else absolute. */
export interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/** §3.30: a line/column region; 1-based. */
export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn?: number;
}

/** §3.33 */
export interface SarifLogicalLocation {
  readonly name: string;
  readonly fullyQualifiedName?: string;
  /** §3.33.7: `resource` for a CloudFormation resource, `module` for a stack. */
  readonly kind?: string;
}
