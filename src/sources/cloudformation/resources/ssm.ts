// AWS::SSM::Parameter: its value answers `AWS::SSM::Parameter::Value<...>` parameters of stacks loaded after it.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#aws-ssm-parameter-types
import type { ResourceHandler } from './handler.js';

export const ssmParameter: ResourceHandler = {
  type: 'AWS::SSM::Parameter',
  attributes: ['Type', 'Value'],
  build(ctx) {
    const name = ctx.text('Name') ?? `CFN-${ctx.logicalId}-${ctx.madeUp.nameSuffix(ctx.logicalId)}`;
    const value = ctx.val('Value');
    if (value) ctx.b.ssmParameters.set(name, value);
    return { ref: name, attributes: { Type: ctx.text('Type') ?? 'String', Value: ctx.str('Value') } };
  },
};
