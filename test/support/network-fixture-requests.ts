// The requests the network-remedy fixtures (test/fix-remedies/network/) fail on, built from the model's own ids.
import type { Model } from '../../src/model/index.js';

export const DIR = 'test/fix-remedies/network/';
export const REGION = 'us-east-1';

export type Url = (m: Model) => { url: string; headers?: Record<string, string> };
export const publicApi: Url = (m) => ({ url: `https://${m.apis.find((a) => a.name === 'PublicApi')!.id}.execute-api.${REGION}.amazonaws.com/prod/items` });
export const privateApi: Url = (m) => ({ url: `https://${m.apis.find((a) => a.name === 'PrivateApi')!.id}.execute-api.${REGION}.amazonaws.com/prod/` });
export const viaEndpoint: Url = (m) => ({
  url: `https://${m.vpcEndpoints.find((e) => e.name === 'ApiEndpoint')!.id}.execute-api.${REGION}.vpce.amazonaws.com/prod/`,
  headers: { Host: `${m.apis.find((a) => a.name === 'PrivateApi')!.id}.execute-api.${REGION}.amazonaws.com` },
});
