#!/usr/bin/python3
"""Validates Redfish response bodies against DMTF's JSON schemas, in the folder given first.

Reads a JSON list of bodies on standard input and prints one line per problem; exits 1 when
there is any. A body is checked against the schema its @odata.type names (the versioned file and
the definition of that type); an error body ({"error": ...}) against redfish-error. The schemas'
own references to http://redfish.dmtf.org/schemas/v1/ are read from the local folder.

    redfish_validate.py SCHEMA_DIR < bodies.json
"""
import collections
import json
import os
import sys

import jsonschema

schema_dir = sys.argv[1]
prefix = "http://redfish.dmtf.org/schemas/v1/"
cache = {}


def newest(name):
    """The file for `name`; the folder keeps only each schema's newest version, which has every
    definition of the older ones it replaces."""
    if os.path.exists(os.path.join(schema_dir, name)):
        return name
    stem = name.split(".v")[0]
    candidates = [f for f in os.listdir(schema_dir) if f.startswith(stem + ".v") and f.endswith(".json")]
    if not candidates:
        return name
    version = lambda f: tuple(int(part) for part in f[len(stem) + 2:-5].split("_"))
    return max(candidates, key=version)


def load(name):
    name = newest(name)
    if name not in cache:
        with open(os.path.join(schema_dir, name), encoding="utf-8") as file:
            cache[name] = json.load(file)
    return cache[name]


unchecked = set()


def resolve_remote(uri):
    if uri.startswith(prefix):
        name = uri[len(prefix):].split("#")[0]
        if not os.path.exists(os.path.join(schema_dir, newest(name))):
            # A type the subset lacks, reached by reference (the service root's link to it):
            # whatever is there cannot be checked here.
            unchecked.add(name)
            return {"definitions": collections.defaultdict(dict)}
        return load(name)
    if uri.startswith("http://redfish.dmtf.org/schemas/") or uri.startswith("http://json-schema.org/"):
        return {}  # meta-schemas: not needed to validate instances
    raise ValueError("no local copy of " + uri)


def schema_for(body):
    if "error" in body and len(body) == 1:
        return "redfish-error.v1_0_2.json", "RedfishError"
    if "@odata.type" not in body and list(body) == ["@Message.ExtendedInfo"]:
        return "redfish-payload-annotations.v1_3_0.json", None
    odata_type = body.get("@odata.type", "")
    if not odata_type.startswith("#"):
        return None, None
    namespace, _, type_name = odata_type[1:].rpartition(".")
    return namespace + ".json", type_name


problems = []
bodies = json.load(sys.stdin)
for index, entry in enumerate(bodies):
    where, body = entry["where"], entry["body"]
    file_name, type_name = schema_for(body)
    if not file_name:
        problems.append("%s: no @odata.type" % where)
        continue
    try:
        root = load(file_name)
    except OSError:
        # The folder holds a subset of DMTF's bundle; a type it lacks altogether cannot be checked
        # here, while a wrong version of a type it has is still a problem.
        stem = file_name.split(".v")[0].removesuffix(".json")
        if not os.path.exists(os.path.join(schema_dir, stem + ".json")):
            print("skipped %s: the schema folder has no %s" % (where, stem), file=sys.stderr)
            continue
        problems.append("%s: no schema %s for %s" % (where, file_name, body.get("@odata.type")))
        continue
    resolver = jsonschema.RefResolver(prefix + file_name, root, handlers={"http": resolve_remote})
    if type_name is None:  # an action's answer: only messages
        schema = {"type": "object", "additionalProperties": False, "properties": {"@Message.ExtendedInfo": {
            "type": "array", "items": {"$ref": prefix + "Message.v1_3_0.json#/definitions/Message"}}}}
    else:
        schema = {"$ref": prefix + file_name + "#/definitions/" + type_name}
    validator = jsonschema.Draft7Validator(schema, resolver=resolver)
    for error in validator.iter_errors(body):
        path = "/".join(str(part) for part in error.absolute_path)
        problems.append("%s: %s: %s" % (where, path or "(root)", error.message))

for name in sorted(unchecked):
    print("not checked: the schema folder has no %s" % name, file=sys.stderr)
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
