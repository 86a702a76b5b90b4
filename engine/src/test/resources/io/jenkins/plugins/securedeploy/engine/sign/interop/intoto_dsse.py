"""DSSE envelopes with securesystemslib 0.26 (Debian in-toto 1.3.1's crypto layer), for InTotoInteropITest.

securesystemslib 0.26 has no DSSE Envelope class, so PAE is built here from the DSSE spec; signatures are made and
checked by securesystemslib.keys (ecdsa-sha2-nistp256: DER; rsassa-pss-sha256: MGF1-SHA256, salt = digest length).

  verify ENVELOPE PUBLIC_PEM ecdsa|rsa   -> prints VERIFIED or FAILED
  sign STATEMENT ecdsa|rsa ENVELOPE_OUT PUBLIC_PEM_OUT
"""
import base64
import json
import sys

from securesystemslib import keys


def pae(payload_type, body):
    t = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)


def verify(envelope_path, pem_path, scheme):
    with open(envelope_path, encoding="utf-8") as f:
        env = json.load(f)
    with open(pem_path, encoding="utf-8") as f:
        pem = f.read()
    key = keys.import_ecdsakey_from_public_pem(pem) if scheme == "ecdsa" else keys.import_rsakey_from_public_pem(pem)
    data = pae(env["payloadType"], base64.b64decode(env["payload"]))
    sigs = env["signatures"]
    ok = bool(sigs) and all(
        keys.verify_signature(key, {"keyid": key["keyid"], "sig": base64.b64decode(s["sig"]).hex()}, data)
        for s in sigs)
    print("VERIFIED" if ok else "FAILED")


def sign(statement_path, scheme, envelope_out, pem_out):
    key = keys.generate_ecdsa_key() if scheme == "ecdsa" else keys.generate_rsa_key(bits=3072)
    with open(statement_path, "rb") as f:
        payload = f.read()
    payload_type = "application/vnd.in-toto+json"
    sig = keys.create_signature(key, pae(payload_type, payload))
    env = {"payloadType": payload_type, "payload": base64.b64encode(payload).decode("ascii"),
           "signatures": [{"keyid": key["keyid"], "sig": base64.b64encode(bytes.fromhex(sig["sig"])).decode("ascii")}]}
    with open(envelope_out, "w", encoding="utf-8") as f:
        json.dump(env, f)
    with open(pem_out, "w", encoding="utf-8") as f:
        f.write(key["keyval"]["public"])


if __name__ == "__main__":
    if sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sign(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
