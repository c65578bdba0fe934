// CloudFormation's YAML short forms (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) as custom tags of the yaml package.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
import type { Tags } from 'yaml';

/** Short-form tag -> the long-form key it stands for. */
export const SHORT_FORMS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue', 'If', 'Equals', 'And', 'Or',
    'Not', 'Base64', 'Cidr', 'Length', 'ToJsonString', 'Transform',
  ]
    .map((name) => [`!${name}`, `Fn::${name}`] as [string, string])
    .concat([['!Ref', 'Ref'], ['!Condition', 'Condition']]),
);

/**
 * Each short form may tag a scalar, a sequence or a mapping (`!Sub "x"` and `!Sub [ "x", {...} ]`), so every tag is
 * declared in the three shapes; the conversion to the long form happens when the document is read (yaml-parse.ts).
 */
export const CFN_TAGS: Tags = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
]) as unknown as Tags;
