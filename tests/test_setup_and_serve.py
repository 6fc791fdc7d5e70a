"""`make run` in small: `sejuk setup` on an empty database, twice, then `sejuk serve`
answering over real HTTP."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEJUK = str(Path(sys.executable).with_name("sejuk"))


def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
    env["SEJUK_DATA_DIR"] = str(tmp_path)
    env["SEJUK_DATABASE_URL"] = f"sqlite:///{tmp_path / 'sejuk.sqlite3'}"
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_setup_prepares_an_empty_database_and_serve_answers(tmp_path):
    env = environment(tmp_path)
    first = subprocess.run(
        [SEJUK, "setup"], capture_output=True, text=True, env=env, cwd=REPO, timeout=300
    )
    assert first.returncode == 0, first.stderr
    assert "91599 baru" in first.stdout
    assert "38 polda" in first.stdout
    assert "kata sandi" in first.stdout  # the demo administrator, once
    assert_hints_are_documented_commands(first.stdout, env)

    again = subprocess.run(
        [SEJUK, "setup"], capture_output=True, text=True, env=env, cwd=REPO, timeout=300
    )
    assert again.returncode == 0, again.stderr
    assert "0 baru, 0 diperbarui, 91599 tetap" in again.stdout
    assert "kata sandi" not in again.stdout  # not shown a second time

    port = free_port()
    server = subprocess.Popen(
        [SEJUK, "serve", "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        html = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                    html = resp.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert "Cooling System" in html
        assert 'lang="id"' in html
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/api/regions?q=Kaltim", timeout=10
        ) as resp:
            assert b'"code":"64"' in resp.read().replace(b" ", b"")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/sejuk/sejuk.css") as resp:
            assert resp.status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


def assert_hints_are_documented_commands(output: str, env: dict[str, str]) -> None:
    """Every command setup tells the user to run is one the README documents (the same
    words up to the user name it is given) and one that exists."""
    readme = (REPO / "README.md").read_text()
    hints = re.findall(r"`(sejuk [^`]+)`", output)
    assert hints, output
    for hint in hints:
        command = hint.rsplit(" ", 1)[0] if hint.count(" ") > 1 else hint
        assert f"`{command} " in readme or f"`{command}`" in readme, hint
        helped = subprocess.run(
            [SEJUK, *command.split()[1:], "--help"],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
        )
        assert helped.returncode == 0, helped.stderr


def test_serve_on_an_empty_database_says_to_run_setup(tmp_path):
    env = environment(tmp_path)
    result = subprocess.run(
        [SEJUK, "serve", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode != 0
    assert "sejuk setup" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_command_on_an_empty_database_says_to_run_setup(tmp_path):
    result = subprocess.run(
        [SEJUK, "users", "list"],
        capture_output=True,
        text=True,
        env=environment(tmp_path),
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 2
    assert "sejuk setup" in result.stderr and str(tmp_path) in result.stderr
    assert "Traceback" not in result.stderr
