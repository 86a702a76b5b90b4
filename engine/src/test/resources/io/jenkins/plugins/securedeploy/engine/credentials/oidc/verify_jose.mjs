// Verifies our ID tokens with jose: the JWKS is fetched from the served jwks_uri. Usage: node verify_jose.mjs cases.json
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const nm = process.env.SECURE_DEPLOY_INTEROP_NPM + '/node_modules';
const jose = await import(pathToFileURL(nm + '/jose/dist/webapi/index.js'));
const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const c of spec.cases) {
  try {
    await jose.jwtVerify(c.token, jose.createRemoteJWKSet(new URL(c.jwks_uri)), { issuer: c.issuer, audience: c.aud, algorithms: ['RS256', 'ES256'],
      requiredClaims: ['exp', 'iat', 'nbf', 'sub', 'jti'] });
    console.log(c.name + ': OK');
  } catch (e) {
    console.log(c.name + ': REJECTED ' + (e.code || e.name));
  }
}
