#!/usr/bin/env python3
"""Writes the CLI tests' logs from tests/fixtures/glacier plus hand-made S3, EC2 and drift records.
Run from this folder: python3 make-testdata.py (the output is checked in; gzip with mtime 0)."""
import copy, gzip, json, os, shutil

FIX = os.path.join("..", "..", "fixtures", "glacier")

def fixture(name):
    with open(os.path.join(FIX, name + ".json"), encoding="utf-8") as f:
        return json.load(f)

def s3_get_object():
    return {
        "eventVersion": "1.10",
        "userIdentity": {"type": "IAMUser", "principalId": "AIDA6ON6E4XEGITEXAMPLE", "arn": "arn:aws:iam::123456789012:user/ci-deployer",
                         "accountId": "123456789012", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "userName": "ci-deployer"},
        "eventTime": "2025-04-24T18:40:02Z", "eventSource": "s3.amazonaws.com", "eventName": "GetObject",
        "awsRegion": "eu-central-1", "sourceIPAddress": "198.51.100.23", "userAgent": "[aws-cli/2.23.6]",
        "requestParameters": {"bucketName": "restore-staging", "Host": "restore-staging.s3.eu-central-1.amazonaws.com", "key": "ledger/2019.csv", "partNumber": 1},
        "responseElements": None,
        "additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredIn": 0, "bytesTransferredOut": 1048576, "x-amz-id-2": "Xk3EXAMPLE="},
        "requestID": "8Q2KXEXAMPLE0001", "eventID": "5f0a3a1e-8a39-4b35-9d0c-0a4f1d1e1a01", "readOnly": True,
        "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::restore-staging/ledger/2019.csv"},
                      {"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::restore-staging"}],
        "eventType": "AwsApiCall", "managementEvent": False, "recipientAccountId": "123456789012",
        "eventCategory": "Data",
    }

def ec2_describe_instances():
    return {
        "eventVersion": "1.08",
        "userIdentity": {"type": "AssumedRole", "principalId": "AROA3EXAMPLEKQ7WJ2XHY:jdoe@example.com",
                         "arn": "arn:aws:sts::123456789012:assumed-role/GlacierRestoreOperator/jdoe@example.com",
                         "accountId": "123456789012", "accessKeyId": "ASIAIOSFODNN7EXAMPLE"},
        "eventTime": "2025-04-24T18:41:10Z", "eventSource": "ec2.amazonaws.com", "eventName": "DescribeInstances",
        "awsRegion": "eu-central-1", "sourceIPAddress": "203.0.113.9", "userAgent": "aws-cli/2.23.6",
        "requestParameters": {"instancesSet": {}, "filterSet": {"items": [{"name": "tag:team", "valueSet": {"items": [{"value": "archive"}]}}]}, "maxResults": 50},
        "responseElements": None,
        "requestID": "0a1b2c3d-EXAMPLE", "eventID": "b7d5c3a1-1111-4c2e-9e7f-000000000002", "readOnly": True,
        "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": "123456789012", "eventCategory": "Management",
    }

def write_gz(path, records):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = json.dumps({"Records": records}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(data)

def write_json(path, value, indent=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=indent)
        f.write("\n")

for d in ("logs", "drift", "hostile", "broken"):
    shutil.rmtree(d, ignore_errors=True)

# An S3-layout folder: two gzip logs, a digest, and a stray non-log file.
base = "logs/AWSLogs/123456789012/CloudTrail/eu-central-1/2025/04/24/"
write_gz(base + "123456789012_CloudTrail_eu-central-1_20250424T1830Z_a1B2c3D4e5F6g7H8.json.gz", [
    fixture("CreateVault.success"), fixture("InitiateJob.success"), s3_get_object(),
    fixture("DeleteArchive.denied"), fixture("SetVaultAccessPolicy.success"),
])
write_gz(base + "123456789012_CloudTrail_eu-central-1_20250424T1835Z_Z9y8X7w6V5u4T3s2.json.gz", [
    fixture("DeleteVault.success"), ec2_describe_instances(), fixture("ListVaults.success"),
    fixture("UploadArchive.success"), fixture("GetJobOutput.denied"),
])
digest = "logs/AWSLogs/123456789012/CloudTrail-Digest/eu-central-1/2025/04/24/123456789012_CloudTrail-Digest_eu-central-1_trail_eu-central-1_20250424T183500Z.json.gz"
os.makedirs(os.path.dirname(digest), exist_ok=True)
with open(digest, "wb") as raw:
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(json.dumps({"awsAccountId": "123456789012", "digestStartTime": "2025-04-24T17:35:00Z", "digestEndTime": "2025-04-24T18:35:00Z",
                            "digestS3Bucket": "trail-bucket", "digestS3Object": digest, "newestEventTime": "2025-04-24T18:34:00Z",
                            "oldestEventTime": "2025-04-24T17:36:00Z", "previousDigestS3Bucket": "trail-bucket", "previousDigestSignature": "3a4b",
                            "logFiles": []}).encode())
with open("logs/AWSLogs/README.txt", "w") as f:
    f.write("Synced from s3://trail-bucket/AWSLogs with aws s3 sync.\n")

# Drift: an unknown Glacier event (twice), unknown fields, a value of the wrong type, and S3.
unknown = fixture("ListVaults.success")
unknown["eventName"] = "GetVaultCompliance"
unknown["requestParameters"] = {"accountId": "-", "vaultName": "legal-hold-2021", "includeHistory": True, "limit": 10,
                                "window": {"start": "2025-01-01T00:00:00Z", "end": None}, "checks": ["lock", "policy"]}
unknown["responseElements"] = None
unknown2 = copy.deepcopy(unknown)
unknown2["requestParameters"]["limit"] = None
unknown2["eventID"] = "c0ffee00-0000-4000-8000-000000000002"
extra = fixture("InitiateJob.success")
extra["requestParameters"]["jobParameters"]["priority"] = "high"
extra["sessionCredentialRotation"] = "2025-04-24T18:00:00Z"
# A value of the wrong type where the member is optional (a required one fails the record even
# with TypeMismatch = KeepRaw, and is reported as unreadable).
mismatch = fixture("ListJobs.success")
mismatch["requestParameters"]["limit"] = 50
write_json("drift/drift.json", {"Records": [fixture("DescribeVault.success"), unknown, extra, mismatch, unknown2, s3_get_object()]}, indent=2)

# Hostile: control characters and formula starts in caller-controlled fields.
hostile = fixture("CreateVault.success")
hostile["requestParameters"]["vaultName"] = "=HYPERLINK(\"http://x.example/\",\"open\")"
hostile["userAgent"] = "evil\u001b]0;pwned\u0007agent"
hostile["userIdentity"]["arn"] = "arn:aws:iam::123456789012:user/\u001b[31mred\u009b2J"
hostile["sourceIPAddress"] = "+1-203.0.113.5"
hostile["errorCode"] = "@SUM(1+1)\tx"
write_json("hostile/hostile.json", {"Records": [hostile]})

# Broken: the second record's eventTime is a number, the fourth is not an object.
broken_text = json.dumps({"Records": [fixture("DescribeJob.success"), dict(fixture("DescribeVault.success"), eventTime=5), fixture("ListJobs.success"), 42]}, indent=1)
os.makedirs("broken", exist_ok=True)
with open("broken/broken.json", "w") as f:
    f.write(broken_text + "\n")
