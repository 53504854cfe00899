# env.py and the revision scripts only make sense inside an Alembic run; keep pytest's doctest collector out.
collect_ignore_glob = ["*.py"]
