// Discovery against our served document, then openid-client validates each token as an implicit-flow id_token
// (JWKS fetched from jwks_uri). Usage: node verify_openid_client.mjs cases.json
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const nm = process.env.SECURE_DEPLOY_INTEROP_NPM + '/node_modules';
const client = await import(pathToFileURL(nm + '/openid-client/build/index.js'));
const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const c of spec.cases) {
  try {
    const config = await client.discovery(new URL(c.issuer), c.aud,
      { id_token_signed_response_alg: c.alg }, client.None(), { execute: [client.allowInsecureRequests] });
    client.useIdTokenResponseType(config);
    const callback = new URL('https://app.example.com/callback#id_token=' + encodeURIComponent(c.token));
    await client.implicitAuthentication(config, callback, c.nonce);
    console.log(c.name + ': OK');
  } catch (e) {
    console.log(c.name + ': REJECTED ' + (e.code || e.name));
  }
}
