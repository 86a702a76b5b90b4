"""Sample service with known Bandit defects (used by the scanner integration tests; do not fix)."""
import hashlib
import subprocess

import yaml


def connect(user, password="hunter2"):
    return (user, password)


def run(command):
    return subprocess.call(command, shell=True)


def load_config(text):
    return yaml.load(text)


def checksum(data):
    return hashlib.md5(data).hexdigest()
