// Every remedy vpcpath fix knows, one per file.
import type { Remedy } from '../types.js';
import { edgeCustomDomain } from './edge-custom-domain.js';
import { enableDefaultEndpoint } from './enable-default-endpoint.js';
import { existingCustomDomain } from './existing-custom-domain.js';
import { narrowPrivateZone } from './narrow-private-zone.js';
import { natGateway } from './nat-gateway.js';
import { privateDnsOff } from './private-dns-off.js';
import { regionalCustomDomain } from './regional-custom-domain.js';
import { securityGroupRule } from './security-group-rule.js';
import { stageOrPath } from './stage-or-path.js';
import { vpcDnsSupport } from './vpc-dns-support.js';

export const REMEDIES: readonly Remedy[] = [
  existingCustomDomain, edgeCustomDomain, regionalCustomDomain, privateDnsOff, securityGroupRule, natGateway,
  narrowPrivateZone, enableDefaultEndpoint, stageOrPath, vpcDnsSupport,
];
