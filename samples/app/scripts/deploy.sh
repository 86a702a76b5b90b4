#!/bin/sh
# Sample deploy script with known ShellCheck defects (used by the scanner integration tests; do not fix).
target=$1
cd /opt/app
cp dist/app-1.0.0.txt $target
