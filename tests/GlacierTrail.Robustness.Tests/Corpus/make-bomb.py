import zlib, time, json, sys
t=time.time()
A=json.dumps(json.load(open('../../fixtures/glacier/CreateVault.success.json')),separators=(',',':')).encode()
c=zlib.compressobj(9, zlib.DEFLATED, 31, 9)
out=[c.compress(b'{"Records":['+A+b',')]
chunk=bytes(1<<24)
for i in range(640):  # 10 GiB of NUL bytes
    out.append(c.compress(chunk))
out.append(c.flush())
l1=b''.join(out)
print('layer1',len(l1),time.time()-t)
l2=zlib.compress(l1,9) 
c2=zlib.compressobj(9, zlib.DEFLATED, 31, 9); l2=c2.compress(l1)+c2.flush()
c3=zlib.compressobj(9, zlib.DEFLATED, 31, 9); l3=c3.compress(l2)+c3.flush()
print('layer2',len(l2),'layer3',len(l3))
open('gzip-bomb-10gib.json.gz','wb').write(l3)
