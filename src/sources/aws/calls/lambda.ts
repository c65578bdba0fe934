// Lambda calls of one region: the functions, each with the VpcConfig that places it in subnets.
import { paginateListFunctions } from '@aws-sdk/client-lambda';
import { allPages } from '../pages.js';
import type { Scope } from '../scope.js';

export async function collectLambda(s: Scope): Promise<void> {
  const client = s.clients.lambda;
  // ListFunctions returns each function's $LATEST configuration, VpcConfig (SubnetIds, SecurityGroupIds) included.
  await s.save({ service: 'lambda', operation: 'ListFunctions', file: 'Functions.json' },
    () => allPages(paginateListFunctions({ client }, {})));
}
