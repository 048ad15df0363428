"""A child process that calls S3 itself: SigV4 signed by hand with the standard library, the way boto3 or
`curl --aws-sigv4` would sign with the credentials in its environment. Prints: PY status=<code> key=<key>."""
import datetime
import hashlib
import hmac
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


def sign(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def main():
    endpoint, bucket = sys.argv[1], sys.argv[2]
    access_key = os.environ.get("AWS_ACCESS_KEY_ID", "")
    secret_key = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
    token = os.environ.get("AWS_SESSION_TOKEN", "")
    region, service = "us-east-1", "s3"
    url = urllib.parse.urlparse(endpoint)
    host = url.netloc
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    payload = hashlib.sha256(b"").hexdigest()
    headers = {"host": host, "x-amz-content-sha256": payload, "x-amz-date": amz_date}
    if token:
        headers["x-amz-security-token"] = token
    names = sorted(headers)
    canonical = "\n".join(["DELETE", "/" + bucket, "", "".join(n + ":" + headers[n] + "\n" for n in names),
                           ";".join(names), payload])
    scope = "/".join([day, region, service, "aws4_request"])
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    k = sign(("AWS4" + secret_key).encode(), day)
    for part in (region, service, "aws4_request"):
        k = sign(k, part)
    signature = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["Authorization"] = ("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s"
                                % (access_key, scope, ";".join(names), signature))
    del headers["host"]
    request = urllib.request.Request(endpoint + "/" + bucket, method="DELETE", headers=headers)
    try:
        status = urllib.request.urlopen(request, timeout=10).status
    except urllib.error.HTTPError as e:
        status = e.code
    print("PY status=%d key=%s profile=%s" % (status, access_key, os.environ.get("AWS_PROFILE", "")))


main()
