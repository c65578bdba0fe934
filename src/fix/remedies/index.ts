// Every remedy vpcpath fix knows, one per file.
import type { Remedy } from '../types.js';
import { addRoute } from './add-route.js';
import { domainAccessAssociation } from './domain-access-association.js';
import { edgeCustomDomain } from './edge-custom-domain.js';
import { enableDefaultEndpoint } from './enable-default-endpoint.js';
import { endpointPolicyAllow } from './endpoint-policy-allow.js';
import { executeApiEndpoint } from './execute-api-endpoint.js';
import { existingCustomDomain } from './existing-custom-domain.js';
import { narrowPrivateZone } from './narrow-private-zone.js';
import { natGateway } from './nat-gateway.js';
import { networkAclEntry } from './network-acl-entry.js';
import { privateDnsOff } from './private-dns-off.js';
import { privateDnsOn } from './private-dns-on.js';
import { regionalCustomDomain } from './regional-custom-domain.js';
import { resourcePolicyAllow } from './resource-policy-allow.js';
import { resourcePolicyNarrowDeny } from './resource-policy-narrow-deny.js';
import { securityGroupRule } from './security-group-rule.js';
import { stageOrPath } from './stage-or-path.js';
import { vpcDnsSupport } from './vpc-dns-support.js';
import { vpceAliasName } from './vpce-alias-name.js';

export const REMEDIES: readonly Remedy[] = [
  existingCustomDomain, edgeCustomDomain, regionalCustomDomain, privateDnsOff, securityGroupRule, natGateway,
  narrowPrivateZone, enableDefaultEndpoint, stageOrPath, vpcDnsSupport,
  addRoute, networkAclEntry,
  vpceAliasName, privateDnsOn, executeApiEndpoint, resourcePolicyAllow, resourcePolicyNarrowDeny, endpointPolicyAllow,
  domainAccessAssociation,
];
