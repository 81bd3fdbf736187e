import ArgumentParser
import RedisDoctorCore

/// How `check` prints its report (Docs/output.md).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case nagios
    case json
    case prometheus
    case text
}

extension OutputFormat {
    /// The one renderer for each format.
    func render(_ report: CheckReport) -> String {
        switch self {
        case .nagios: return NagiosRenderer().render(report)
        case .json: return JSONRenderer().render(report)
        case .prometheus: return PrometheusRenderer().render(report)
        case .text: return TextRenderer(color: Terminal.stdoutIsTTY && Terminal.environment("NO_COLOR") == nil).render(report)
        }
    }

    func render(_ report: TopologyReport) -> String {
        switch self {
        case .nagios: return NagiosRenderer().render(report)
        case .json: return JSONRenderer().render(report)
        case .prometheus: return PrometheusRenderer().render(report)
        case .text: return TextRenderer(color: Terminal.stdoutIsTTY && Terminal.environment("NO_COLOR") == nil).render(report)
        }
    }
}
