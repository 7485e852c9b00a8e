"""Ship the top-level phrasebooks/ and resources/ folders inside the wheel.

They sit at the repository root for trainers, but an installed chatassist must
find them too, so they are mapped to chatassist/bundled/ in the wheel.
Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

BUNDLED = {
    "chatassist.bundled.phrasebooks": "phrasebooks",
    "chatassist.bundled.resources": "resources",
}

setup(
    packages=[*find_packages("src"), *BUNDLED],
    package_dir={"": "src", **BUNDLED},
    package_data={
        "chatassist": ["py.typed"],
        # .ts are the sources; .qm are compiled by `python -m chatassist.ui.i18n_build`
        # (make run / make test) before a wheel is built, and never committed.
        "chatassist.ui": ["translations/*.ts", "translations/*.qm"],
        "chatassist.bundled.phrasebooks": ["*.yaml"],
        "chatassist.bundled.resources": ["*", "*/*", "*/*/*"],
    },
)
