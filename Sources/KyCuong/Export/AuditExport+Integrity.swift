import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension AuditExport {
  /// Tamper evidence of an export (`integrity`). Every digest is `sha256:` and 64 lowercase hex digits.
  public struct Integrity: Hashable, Sendable, Codable {
    /// The SHA-256 of the exact bytes of the last line of the audit's event log (without its newline).
    public var chainHead: String
    /// The SHA-256 of the checklist snapshot's canonical JSON; equals `checklist.digest`.
    public var snapshotDigest: String
    /// The SHA-256 of the export's canonical JSON without `integrity.exportDigest` and `integrity.signature`.
    public var exportDigest: String?
    /// The team leader's signature of ``exportDigest``, if the export was signed.
    public var signature: Signature?
    /// On a team audit merged from its devices' logs: each device's log, its recorder and its chain head,
    /// by device id, so that `verify` checks each device's contribution. ``chainHead`` is the leader's.
    public var devices: [DeviceHead]?

    /// Creates the field.
    public init(
      chainHead: String, snapshotDigest: String, exportDigest: String? = nil, signature: Signature? = nil,
      devices: [DeviceHead]? = nil
    ) {
      self.chainHead = chainHead
      self.snapshotDigest = snapshotDigest
      self.exportDigest = exportDigest
      self.signature = signature
      self.devices = devices
    }
  }

  /// One device's log of a team audit, as an export pins it (``Integrity/devices``).
  public struct DeviceHead: Hashable, Sendable, Codable {
    /// The device: `leader`, or the id of the member's `joined` event.
    public var device: String
    /// Who recorded on it.
    public var recorder: String
    /// How many events its log holds.
    public var events: Int
    /// The SHA-256 of the exact bytes of its last line.
    public var chainHead: String

    /// Creates a device's entry.
    ///
    /// - Parameters:
    ///   - device: The device.
    ///   - recorder: Who recorded on it.
    ///   - events: Its log's events.
    ///   - chainHead: Its log's chain head.
    public init(device: String, recorder: String, events: Int, chainHead: String) {
      self.device = device
      self.recorder = recorder
      self.events = events
      self.chainHead = chainHead
    }
  }
}
