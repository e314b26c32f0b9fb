"""The three places that name dependencies agree: pyproject.toml, environment.yml, requirements.lock."""
import re
import tomllib

import yaml

from conftest import ROOT


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {normalise(re.split(r"[<>=!~ \[]", dep)[0]) for dep in project["dependencies"]}


def conda_pip_section():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "conda-forge" in environment["channels"]
    assert "python=3.11" in environment["dependencies"]
    return next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))


def locked_versions():
    lines = (ROOT / "requirements.lock").read_text().split()
    return dict(line.split("==") for line in lines if "==" in line)


def test_environment_yml_names_the_same_packages_as_pyproject():
    named = {normalise(entry) for entry in conda_pip_section() if not entry.startswith("-")}
    assert named == pyproject_packages()


def test_environment_yml_installs_the_lock_and_the_project():
    assert {"-r requirements.lock", "-e ."} <= set(conda_pip_section())


def test_every_dependency_is_pinned_in_the_lock():
    locked = {normalise(name) for name in locked_versions()}
    assert pyproject_packages() <= locked
    assert all(re.fullmatch(r"[\w.+!-]+", version) for version in locked_versions().values())
