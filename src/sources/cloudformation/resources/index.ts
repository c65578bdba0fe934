// Every resource type the CloudFormation source models, by type name.
import { samApi } from '../sam/serverless-api.js';
import { samFunction } from '../sam/serverless-function.js';
import { samHttpApi } from '../sam/serverless-http-api.js';
import { basePathMapping, basePathMappingV2, domainName, domainNameAccessAssociation, domainNameV2 } from './api-gateway-domains.js';
import { restApi, restDeployment, restMethod, restResource, restStage } from './api-gateway-rest.js';
import { apiMapping, httpApi, httpDomainName, httpRoute, httpStage } from './api-gateway-v2.js';
import {
  dhcpOptions, dhcpOptionsAssociation, peeringConnection, prefixList, transitGateway, transitGatewayAttachment,
  transitGatewayVpcAttachment,
} from './ec2-connections.js';
import { instance, networkInterface, networkInterfaceAttachment } from './ec2-instance.js';
import { eip, eipAssociation, natGateway } from './ec2-nat-eip.js';
import { networkAcl, networkAclEntry, subnetNetworkAclAssociation } from './ec2-network-acl.js';
import { gatewayRouteTableAssociation, route, routeTable, subnetRouteTableAssociation } from './ec2-routing.js';
import { securityGroup, securityGroupEgress, securityGroupIngress } from './ec2-security-group.js';
import { egressOnlyInternetGateway, gatewayAttachment, internetGateway, subnet } from './ec2-subnet.js';
import { vpc, vpcCidrBlock } from './ec2-vpc.js';
import type { ResourceHandler } from './handler.js';
import { lambdaFunction } from './lambda.js';
import { hostedZone, recordSet, recordSetGroup } from './route53.js';
import { resolverEndpoint, resolverRule, resolverRuleAssociation } from './route53-resolver.js';
import { ssmParameter } from './ssm.js';
import { vpcEndpoint } from './vpc-endpoint.js';

const ALL: ResourceHandler[] = [
  vpc, vpcCidrBlock, subnet, internetGateway, gatewayAttachment, egressOnlyInternetGateway,
  routeTable, route, subnetRouteTableAssociation, gatewayRouteTableAssociation,
  eip, eipAssociation, natGateway,
  securityGroup, securityGroupIngress, securityGroupEgress,
  networkAcl, networkAclEntry, subnetNetworkAclAssociation,
  instance, networkInterface, networkInterfaceAttachment, lambdaFunction, vpcEndpoint,
  peeringConnection, dhcpOptions, dhcpOptionsAssociation, transitGateway, transitGatewayAttachment,
  transitGatewayVpcAttachment, prefixList, ssmParameter,
  hostedZone, recordSet, recordSetGroup, resolverRule, resolverRuleAssociation, resolverEndpoint,
  restApi, restResource, restMethod, restDeployment, restStage,
  domainName, basePathMapping, domainNameV2, basePathMappingV2, domainNameAccessAssociation,
  httpApi, httpRoute, httpStage, httpDomainName, apiMapping,
  samApi, samHttpApi, samFunction,
];

export const HANDLERS: ReadonlyMap<string, ResourceHandler> = new Map(ALL.map((h) => [h.type, h]));
