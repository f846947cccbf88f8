#!/usr/bin/env python3
"""Writes the small bad-input corpus (the expected outcomes live in CorpusCases.cs).

Run from this folder: python3 make-corpus.py. Deterministic: gzip headers carry mtime 0.
gzip-bomb-10gib.json.gz is not written here (it takes two minutes); see make-bomb.py.
"""
import gzip, json

def rec(name, **edits):
    d = json.load(open(f'../../fixtures/glacier/{name}.success.json'))
    for k, v in edits.items():
        d[k] = v
    return json.dumps(d, separators=(',', ':')).encode()

A, B, C = rec('CreateVault'), rec('DeleteVault'), rec('ListVaults')

def log(*records):
    return b'{"Records":[' + b','.join(records) + b']}'

def gz(data):
    return gzip.compress(data, 9, mtime=0)

def write(name, data):
    open(name, 'wb').write(data)

full = log(A, B, C)
packed = gz(full)
write('truncated-gzip.json.gz', packed[: len(packed) * 2 // 3])
bad_crc = bytearray(packed)
bad_crc[-8] ^= 0xFF  # the CRC-32 in the gzip trailer
write('bad-crc.json.gz', bytes(bad_crc))
write('gzip-of-gzip.json.gz', gz(gz(full)))
write('truncated-json.json', full[: len(log(A, B)) - 2 + 1 + len(C) // 2])
write('not-json.txt', b'This is not a CloudTrail log.\nIt is a text file someone saved with a .json name.\n')
write('invalid-utf8.json', log(A, B.replace(b'"vaultName":"', b'"vaultName":"bad\xc3\x28', 1), C))
write('bom.json', b'\xef\xbb\xbf' + full)
write('records-missing.json', b'{"Logs":[' + A + b']}')
write('records-not-array.json', b'{"Records":' + A + b'}')
write('record-not-object.json', log(A, b'42', b'"CreateVault"', b'[' + B + b']', B))
def without(record, key):
    d = json.loads(record); del d[key]; return json.dumps(d, separators=(',', ':')).encode()
write('eventname-missing.json', log(A, without(B, 'eventName'), C))
write('eventname-null.json', log(A, B.replace(b'"eventName":"DeleteVault"', b'"eventName":null'), C))
write('eventname-number.json', log(A, B.replace(b'"eventName":"DeleteVault"', b'"eventName":5'), C))
write('vaultname-number.json', log(A, B.replace(b'"vaultName":"', b'"vaultName":5,"x":"', 1), C))
write('eventtime-yesterday.json', log(A, B.replace(b'"eventTime":"2', b'"eventTime":"yesterday","x":"2', 1), C))
write('duplicate-keys.json', log(A, B.replace(b'"eventName":"DeleteVault"', b'"eventName":"DeleteVault","eventName":"CreateVault"'), C))
write('ndjson-damaged-line.ndjson', A + b'\n' + B[: len(B) // 2] + b'\n' + C + b'\n')
write('ndjson-nested-damage.ndjson', A + b'\n' + B.replace(b'"requestParameters":{', b'"requestParameters":{]', 1) + b'\n' + C + b'\n')
write('damaged-inside-record.json', log(A, B.replace(b'"requestParameters":{', b'"requestParameters":{"accountId" "-",', 1), C))
write('empty.json', b'')
write('empty.json.gz', gz(b''))
write('nul-bytes-tail.json', b'{"Records":[' + A + b',' + B + b',' + b'\0' * 4096)
write('nul-bytes-inside-record.json', log(A, B[:200] + b'\0' * 64 + B[264:], C))
write('nul-bytes-only.json', b'\0' * 1024)
