# A test runner as many projects write them: it execs the program by path,
# so the kernel must know how to run it (natively, or through binfmt_misc).
import subprocess
import sys

out = subprocess.run([sys.argv[1], "runner"], capture_output=True, text=True, check=True).stdout
sys.exit(0 if out.strip() == "hello, runner" else 1)
