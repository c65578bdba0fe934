// readTemplateInputs: a file, a folder of templates, a cdk.out folder (made here in a temp dir), a missing path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStacks } from './load-stacks.js';
import { readTemplateInputs } from './read-inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcpath-cfn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const defaults = { region: 'us-east-1', account: '111111111111', parameters: { Shared: 'x' } };

const NETWORK = {
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.1.1.0/24' } },
  },
  Outputs: { SubnetId: { Value: { Ref: 'Subnet' }, Export: { Name: 'Net-SubnetId' } } },
};
const APP = {
  Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } },
  Resources: { Host: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { 'Fn::ImportValue': 'Net-SubnetId' } } } },
};

describe('readTemplateInputs', () => {
  it('a cdk.out folder: every stack artifact with its environment, nested stage assemblies too', () => {
    const out = join(dir, 'cdk.out');
    mkdirSync(join(out, 'assembly-Prod'), { recursive: true });
    writeFileSync(join(out, 'Net.template.json'), JSON.stringify(NETWORK, null, 1));
    writeFileSync(join(out, 'assembly-Prod', 'ProdApp.template.json'), JSON.stringify(APP, null, 1));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({
      version: '36.0.0',
      artifacts: {
        Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
        Net: { type: 'aws:cloudformation:stack', environment: 'aws://123456789012/eu-west-1', properties: { templateFile: 'Net.template.json', stackName: 'Network' } },
        Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
      },
    }));
    writeFileSync(join(out, 'assembly-Prod', 'manifest.json'), JSON.stringify({
      artifacts: { ProdApp: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'ProdApp.template.json' } } },
    }));
    const { specs, problems } = readTemplateInputs(out, defaults);
    expect(problems).toEqual([]);
    expect(specs.map((s) => [s.stack, s.account, s.region])).toEqual([['Network', '123456789012', 'eu-west-1'], ['ProdApp', '111111111111', 'us-east-1']]);
    expect(specs[0]!.file).toBe(join(out, 'Net.template.json'));
    const loaded = loadStacks(specs);
    expect(loaded.problems).toEqual([]);
    const eni = loaded.model.networkInterfaces[0]!;
    expect(eni.subnetId).toBe(loaded.model.subnets[0]!.id);
    expect(eni.privateIps).toEqual(['10.1.1.10']);
    // JSON templates keep positions too.
    expect(loaded.model.vpcs[0]!.origin).toEqual(expect.objectContaining({ line: 3, column: 3, stack: 'Network', logicalId: 'Vpc' }));
  });

  it('a folder of templates (non-templates skipped), a single file, a missing path, a broken manifest', () => {
    const folder = join(dir, 'infra');
    mkdirSync(folder);
    writeFileSync(join(folder, 'network.yaml'), 'Resources:\n  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }\n');
    writeFileSync(join(folder, 'package.json'), '{ "name": "x" }');
    writeFileSync(join(folder, 'notes.txt'), 'Resources: no');
    const read = readTemplateInputs(folder, defaults);
    expect(read.problems).toEqual([]);
    expect(read.specs.map((s) => [s.stack, s.parameters])).toEqual([['network', { Shared: 'x' }]]);
    expect(readTemplateInputs(join(folder, 'network.yaml'), defaults).specs[0]!.stack).toBe('network');
    expect(readTemplateInputs(join(dir, 'nope.yaml'), defaults).problems).toEqual([expect.objectContaining({ code: 'file-not-found' })]);
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'manifest.json'), '{ not json');
    expect(readTemplateInputs(broken, defaults).problems).toEqual([expect.objectContaining({ code: 'cdk-manifest', file: join(broken, 'manifest.json') })]);
  });
});
