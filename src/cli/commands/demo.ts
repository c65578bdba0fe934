// `vpcpath demo` (what `npm start` runs): the seed story, traced on the bundled example templates.
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { runTrace } from './trace.js';

export const SEED_DIR = fileURLToPath(new URL('../../../examples/seed/', import.meta.url));

export function runDemo(o: Output): number {
  const c = pc.createColors(o.color);
  const inputs = [`${SEED_DIR}network.yaml`, `${SEED_DIR}api.yaml`];
  const common = { from: 'AppInstance', header: [], parameter: [], region: 'ap-northeast-1', facts: `${SEED_DIR}facts.yaml` };
  const rule = c.dim('─'.repeat(100));
  o.out([
    c.bold('vpcpath demo: the seed story'),
    'An EC2 instance in a VPC with an internet gateway calls a public REST API by its default URL and gets',
    'HTTP 403. The same VPC has an execute-api interface endpoint with private DNS on, added for private APIs.',
    `Templates: examples/seed/network.yaml, examples/seed/api.yaml (region ap-northeast-1); public DNS: examples/seed/facts.yaml`,
    '', rule, c.bold('1. The call that fails: the public API by its default URL'),
    c.dim('$ vpcpath trace network.yaml api.yaml --from AppInstance --url \'https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items\''),
    '',
  ].join('\n'));
  const first = runTrace(inputs, { ...common, url: 'https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items' }, o);
  o.out(['', rule, c.bold('2. The fix that works: the same API through its EDGE-optimized custom domain'),
    c.dim('$ vpcpath trace network.yaml api.yaml --from AppInstance --facts facts.yaml --url https://api.example.com/items'), ''].join('\n'));
  const second = runTrace(inputs, { ...common, url: 'https://api.example.com/items' }, o);
  o.out(['', rule, c.bold('3. And the private API the endpoint was made for still works by its default URL'),
    c.dim('$ vpcpath trace network.yaml api.yaml --from AppInstance --url \'https://${PrivateApi}.execute-api.${AWS::Region}.amazonaws.com/prod/\''), ''].join('\n'));
  const third = runTrace(inputs, { ...common, url: 'https://${PrivateApi}.execute-api.${AWS::Region}.amazonaws.com/prod/' }, o);
  o.out(['', rule, 'Try it on your own templates: vpcpath trace TEMPLATE... --from <instance or function> --url <url>',
    'Keep intents like these in a scenario file and run them in CI: vpcpath check examples/seed/seed.check.yaml'].join('\n'));
  // The story is as expected when the first call is refused and the other two get through.
  const asExpected = first === EXIT.notReached && second === EXIT.ok && third === EXIT.ok;
  return asExpected ? EXIT.ok : first === EXIT.inputError || second === EXIT.inputError ? EXIT.inputError : EXIT.notReached;
}
