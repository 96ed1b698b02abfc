# A stand-in for powershell.exe that speaks the line protocol of PowerShellSession, for testing its Java side.
# Each input line carries a base64 script; "say:TEXT" prints TEXT, "fail:TEXT" writes an error record,
# "sleep:SECONDS" hangs, "die" exits. Markers are echoed as the real wrapper would print them.
import base64, re, sys, time

for line in sys.stdin:
    m = re.search(r"FromBase64String\('([^']*)'\)", line)
    n = re.search(r"<<VIGIL-END-(\d+):", line)
    if not m or not n:
        continue
    script, n = base64.b64decode(m.group(1)).decode("utf-8"), n.group(1)
    ok = 0
    for part in script.split(";"):
        if part.startswith("say:"):
            print(part[4:], flush=True)
        elif part.startswith("fail:"):
            print(part[5:], file=sys.stderr, flush=True)
            ok = 1
        elif part.startswith("sleep:"):
            time.sleep(float(part[6:]))
        elif part == "die":
            sys.exit(3)
    print("<<VIGIL-END-%s:%d>>" % (n, ok), flush=True)
    print("<<VIGIL-END-%s>>" % n, file=sys.stderr, flush=True)
