// The vpcpath command line: thin; parses arguments, calls the library, renders, sets the exit status.
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-codes.js';
import { processOutput, type Output } from './output.js';
import { ESTATE_FORMATS, runAudit, runDiff } from './commands/audit.js';
import { runCheck } from './commands/check.js';
import { COLLECT_HELP, runCollect } from './commands/collect.js';
import { runDemo } from './commands/demo.js';
import { runFix } from './commands/fix.js';
import { runShow } from './commands/show.js';
import { runTraceCommand, TRACE_FORMATS } from './commands/trace.js';

const collect = (value: string, previous: string[]) => [...previous, value];

const INPUTS_HELP = `INPUT is a CloudFormation or SAM template (YAML or JSON), a folder of templates, a cdk.out folder
(every stack in its manifest), or a snapshot folder written by \`vpcpath collect\` (or Batfish's AWS
layout). Several inputs load as several stacks: Export/ImportValue between them resolve by themselves. Values a template does not fix (ids, addresses) are made up in AWS's own form.`;

/** The request to simulate: trace and fix take it alike. */
function withRequestOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'the URL to call; may use ${LogicalId}, ${LogicalId.Attr} and ${AWS::Region} as Fn::Sub does')
    .option('--request <flow>', "a request line instead of --url: 'GET https://...', or a network-only flow 'TCP 10.1.101.97:443'")
    .option('-X, --method <method>', 'HTTP method', 'GET')
    .option('-H, --header <header>', "a request header 'Name: value' (repeatable), e.g. -H 'x-apigw-api-id: ${PrivateApi}'", collect, []);
}

/** What the inputs cannot say by themselves: trace, fix and show take it alike. */
function withLoadOptions(cmd: Command): Command {
  return cmd
    .option('--facts <file>', 'facts the templates cannot hold: public DNS records, partner APIs, custom domains (scenario-format.md)')
    .option('--parameter <name=value>', 'a template parameter value (repeatable)', collect, [])
    .option('--region <region>', 'the region the templates are deployed in', 'us-east-1')
    .option('--account <account>', 'the account the templates are deployed in', '111111111111');
}

export function buildProgram(o: Output, setCode: (code: number) => void): Command {
  const program = new Command('vpcpath')
    .description('Will this request, made from inside this VPC, reach this API? If not, exactly why, and what would fix it.\n' +
      'Follows DNS (Route 53 Resolver, private zones, endpoint private DNS) -> network (security groups, ACLs,\n' +
      'routes, gateways, endpoints) -> front door (VPC endpoint, CloudFront, API Gateway) -> API Gateway\'s decision.')
    .version('0.1.0')
    .configureOutput({ writeOut: (s) => o.out(s.trimEnd()), writeErr: (s) => o.err(s.trimEnd()) })
    .exitOverride()
    .addHelpText('after', `
Exit status: 0 reached / all checks passed, 1 not reached / a check failed, 2 bad input (file:line:column
given), 3 a bug in vpcpath (please report it).

Examples:
  vpcpath demo
  vpcpath trace network.yaml api.yaml --from AppInstance --url 'https://\${PublicApi}.execute-api.\${AWS::Region}.amazonaws.com/dev/items'
  vpcpath check intents/*.yaml
  vpcpath show cdk.out`);

  withLoadOptions(withRequestOptions(program.command('trace')
    .description('Trace one request from a workload in a VPC to its answer, hop by hop.')
    .argument('<input...>', 'templates, template folders, cdk.out folders or snapshot folders')
    .requiredOption('--from <workload>', 'where the request starts: a logical id of an AWS::EC2::Instance or of a Lambda function with VpcConfig, an instance id, ENI id or function name')))
    .addOption(new Option('--format <format>', 'text (the hop-by-hop trace), json (docs/trace-json.md), or a picture of the path: ' +
      'mermaid (a flowchart GitHub renders) or svg (drawn with Graphviz)').choices(TRACE_FORMATS).default(undefined, 'text'))
    .option('--json', 'print the trace as JSON: the same as --format json')
    .addHelpText('after', `\n${INPUTS_HELP}`)
    .action(async (inputs: string[], flags) => setCode(await runTraceCommand(inputs, flags, o)));

  program.command('check')
    .description('Run the checks of scenario files (reachability intents) and print `N passed, N failed`.')
    .argument('<file...>', 'scenario files (shared/spec/scenario-format.md), or folders of them')
    .addOption(new Option('--format <format>', 'text (one line per check), json (as --json), or sarif (SARIF 2.1.0 for ' +
      'GitHub code scanning: failed checks at the template line to change, docs/sarif.md)').choices(['text', 'json', 'sarif']).default(undefined, 'text'))
    .option('--json', 'print results as JSON: { files: [{ file, checks: [{ name, passed, mismatches, trace }] }], passed, failed }; the same as --format json')
    .option('-v, --verbose', 'print the trace of passing checks too')
    .action((files: string[], flags) => setCode(runCheck(files, { ...flags, toolVersion: program.version() }, o)));

  withLoadOptions(withRequestOptions(program.command('fix')
    .description('Propose changes that make a request reach its API, each verified by simulation, with its side effects.')
    .argument('<input...>', 'templates, template folders, cdk.out or snapshot folders (with --from and --url), or scenario files (without --from)')
    .option('--from <workload>', 'where the request starts (as for trace); without it, the inputs are scenario files')))
    .option('--checks <file>', 'a scenario file whose checks also count as side effects (repeatable)', collect, [])
    .option('--json', 'print the fixes as JSON (docs/fix.md); the same as --format json')
    .option('--format <format>', 'text, json, or a picture of the path before and after a fix: mermaid or svg')
    .option('--draw <id>', 'the fix the picture shows (default: the best ranked)')
    .option('--apply <id>', 'write the template with this fix made (needs --out)')
    .option('--out <file>', 'where --apply writes the template')
    .addHelpText('after', `\nExit status: 0 a verified fix is shown (for scenario files: for every failing check), 1 none, 2 bad input.\n${INPUTS_HELP}`)
    .action(async (inputs: string[], flags) => setCode(await runFix(inputs, flags, o)));

  withLoadOptions(program.command('show')
    .description('Show what was understood from the inputs: VPCs, subnets, routes, endpoints, zones, APIs, domains, notes and unknowns.')
    .argument('<input...>', 'templates, template folders, cdk.out folders or snapshot folders'))
    .option('--json', 'print the model as JSON')
    .addHelpText('after', `\n${INPUTS_HELP}`)
    .action((inputs: string[], flags) => setCode(runShow(inputs, flags, o)));

  const estateOptions = (cmd: Command) => withLoadOptions(cmd)
    .option('--query-logs <file...>', 'Route 53 Resolver query logs (JSON lines): the names workloads actually ask for, audited from ' +
      'the VPCs that asked. Takes every file after it: put it after the inputs, or end its list with --')
    .option('--checks <file>', 'a scenario file whose check URLs are audited from every workload too (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'text, json, or sarif (SARIF 2.1.0 for GitHub code scanning, docs/sarif.md)').choices(ESTATE_FORMATS).default(undefined, 'text'))
    .option('--json', 'the same as --format json')
    .option('--exhaustive', 'trace every workload-target pair instead of one per class of equivalent pairs (slow; for checking)');

  estateOptions(program.command('audit')
    .description('Audit a whole estate: every workload placement against every API default URL (per stage), custom domain, ' +
      '{api-id}-{vpce-id} name, check URL and queried name; report what is wrong, where to change it, and what it affects.')
    .argument('<input...>', 'templates, template folders, cdk.out folders or snapshot folders: the whole estate'))
    .addHelpText('after', `
Findings (severity): a queried name sent to an execute-api endpoint although its API is public (error);
public APIs some VPCs cannot call by their default URL (warning or note, by cause); a custom domain whose
CNAME falls into a captured *.execute-api name (error); a private API whose resource policy admits any VPC
endpoint (warning, security); a private API no workload reaches (warning); an endpoint whose security group
shuts out subnets of its own VPC (warning).
Equivalent workloads (same VPC shape up to ids and addresses) and equivalent APIs (same configuration up to
the API id) are traced once: the cost grows with the estate's distinct shapes, not with VPCs x APIs.

Exit status: 0 no error finding, 1 an error finding, 2 bad input.

Examples:
  vpcpath audit snapshot/ --query-logs resolver-queries.jsonl
  vpcpath audit network.yaml api.yaml --facts facts.yaml --format sarif > vpcpath.sarif
${INPUTS_HELP}`)
    .action((inputs: string[], flags) => setCode(runAudit(inputs, { ...flags, toolVersion: program.version() ?? '' }, o)));

  estateOptions(program.command('diff')
    .description('Compare two versions of an estate: every workload-target pair whose outcome changes, before and after, ' +
      'with causes. Exits 1 when a pair that reached its target no longer does: a gate for pull requests.')
    .argument('<before>', 'the estate before the change: a template, template folder, cdk.out or snapshot folder')
    .argument('<after>', 'the estate after the change (any kind of input: a snapshot and a changed template compare)')
    .option('--with <input>', 'an input loaded on both sides, unchanged (repeatable), e.g. the API template', collect, []))
    .addHelpText('after', `
Workloads are matched by name (logical id or Name tag), targets by URL (default URLs by API name, stage and path).

Exit status: 0 nothing that reached breaks, 1 a pair that reached its target no longer does, 2 bad input.

Examples:
  vpcpath diff main/network.yaml pr/network.yaml --with api.yaml --facts facts.yaml
  vpcpath diff snapshot/ changed-network.yaml --query-logs resolver-queries.jsonl --format sarif
${INPUTS_HELP}`)
    .action((before: string, after: string, flags) => setCode(runDiff(before, after, { ...flags, toolVersion: program.version() ?? '' }, o)));

  program.command('demo')
    .description('Trace the bundled seed example: the 403 and its cause, then the working call through the EDGE custom domain.')
    .action(() => setCode(runDemo(o)));

  program.command('collect')
    .description('Read live AWS accounts (read-only) into a snapshot folder that trace and show read.')
    .requiredOption('--out <dir>', 'the snapshot folder to write')
    .option('--profile <name>', 'a profile of ~/.aws/config (SSO profiles included); default: the standard credential chain')
    .addOption(new Option('--region <region>', 'a region to read (repeatable, or comma-separated)').argParser(collect).default([], 'AWS_REGION or the profile\'s region'))
    .option('--regions <list|all>', "regions to read, comma-separated, or 'all' for every region enabled in the account")
    .option('--accounts <ids>', 'accounts to read, comma-separated, by assuming --role-name in each')
    .option('--role-name <name>', 'the role to assume in each of --accounts (trust policy and permissions below)')
    .option('--endpoint-url <url>', 'send every call to this endpoint (moto_server, LocalStack)')
    .addOption(new Option('--concurrency <n>', 'AWS requests in flight at once').default('4', '4'))
    .addOption(new Option('--max-attempts <n>', 'attempts per request (adaptive retries on throttling)').default('6', '6'))
    .option('--resolve-public-dns', 'resolve the custom domain names in public DNS (A, CNAME) into global/PublicDns.json')
    .addHelpText('after', COLLECT_HELP)
    .action(async (flags) => setCode(await runCollect(flags, o)));

  program.addOption(new Option('--no-color', 'plain output').hideHelp());
  return program;
}

export async function main(argv: string[], o: Output = processOutput): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(o, (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.inputError;
    o.err(`vpcpath: internal error: ${(e as Error).stack ?? String(e)}\nThis is a bug in vpcpath; please report it with the command and inputs.`);
    return EXIT.internalError;
  }
}
