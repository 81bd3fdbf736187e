import Foundation

/// Validates JSON with the real draft 2020-12 validator (python3-jsonschema), not a look-alike.
public enum JSONSchemaValidator {
    /// The repository's Docs/check-output.schema.json.
    public static var checkOutputSchema: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/check-output.schema.json").path
    }

    /// Exit status 0 when `json` is valid, and the validator's message otherwise.
    public static func validate(_ json: String, schema: String = checkOutputSchema) throws -> (status: Int32, text: String) {
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator(schema).validate(json.load(sys.stdin))
        """
        let process = Process()
        // Debian's python3, which the deps script gives python3-jsonschema (not a pyenv shim's).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, schema]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(json.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
