import Foundation

/// Validates JSON with the real draft 2020-12 validator (python3-jsonschema), not a look-alike.
public enum JSONSchemaValidator {
    /// The repository's Docs/check-output.schema.json.
    public static var checkOutputSchema: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/check-output.schema.json").path
    }

    /// Docs/cluster-output.schema.json: `check --cluster --format json`.
    public static var clusterOutputSchema: String {
        URL(fileURLWithPath: checkOutputSchema).deletingLastPathComponent().appendingPathComponent("cluster-output.schema.json").path
    }

    /// Docs/sentinel-output.schema.json: `check --sentinel --format json`.
    public static var sentinelOutputSchema: String {
        URL(fileURLWithPath: checkOutputSchema).deletingLastPathComponent().appendingPathComponent("sentinel-output.schema.json").path
    }

    /// Exit status 0 when `json` is valid, and the validator's message otherwise. The other
    /// schemas next to `schema` resolve its `$ref`s, offline.
    public static func validate(_ json: String, schema: String = checkOutputSchema) throws -> (status: Int32, text: String) {
        let script = """
        import glob, json, os, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        store = {}
        for path in glob.glob(os.path.join(os.path.dirname(sys.argv[1]), "*.schema.json")):
            other = json.load(open(path))
            store[other["$id"]] = other
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        jsonschema.Draft202012Validator(schema, resolver=resolver).validate(json.load(sys.stdin))
        """
        // Debian's python3, which the deps script gives python3-jsonschema (not a pyenv shim's).
        return try PipedProcess.run("/usr/bin/python3", ["-c", script, schema], input: json)
    }
}
