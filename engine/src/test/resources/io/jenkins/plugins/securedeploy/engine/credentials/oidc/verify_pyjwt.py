"""Verifies our ID tokens with PyJWT and jwcrypto (Debian packages). Usage: verify_pyjwt.py cases.json"""
import json
import sys

import jwt
from jwcrypto import jwk as cjwk
from jwcrypto import jwt as cjwt


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    for case in spec["cases"]:
        name, token, aud = case["name"], case["token"], case["aud"]
        try:
            keyset = jwt.PyJWKSet.from_dict(case["jwks"])
            ckeys = cjwk.JWKSet.from_json(json.dumps(case["jwks"]))
            kid = jwt.get_unverified_header(token).get("kid")
            key = next((k for k in keyset.keys if k.key_id == kid), None)
            if key is None:
                raise LookupError("kid not in JWKS")
            jwt.decode(token, key.key, algorithms=["RS256", "ES256"], audience=aud, issuer=case["issuer"],
                       options={"require": ["exp", "iat", "nbf", "iss", "sub", "aud", "jti"]})
            # jwcrypto: independent JWKS import and signature + time checks
            cjwt.JWT(jwt=token, key=ckeys, check_claims={"aud": aud, "iss": case["issuer"], "exp": None,
                                                         "nbf": None})
            print(name + ": OK")
        except Exception as e:  # any failure is a rejection
            print(name + ": REJECTED " + type(e).__name__)


if __name__ == "__main__":
    main()
