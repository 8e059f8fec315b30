import Foundation
import KyCuongREPL

#if Server
  import KyCuongSync
#endif

/// The REPL's ``/KyCuongREPL/LogSender`` when a department server is configured: each send is one signed
/// `PUT /api/v1/audits/{id}/logs/{device}`, each fetch `GET …/logs` and each other device's log (the session's
/// uploader retries, so the client tries once).
struct ServerLogSender {
  /// The sender for `--server` and `--key` (or `$KYCUONG_SERVER` and `$KYCUONG_KEY`); `nil` when neither
  /// is given.
  ///
  /// - Throws: ``CommandFailure`` when only one is given, the URL is not http(s), or the key does not read.
  static func configured(
    server: String?, key: String?, environment: [String: String]
  ) throws(CommandFailure) -> (any LogSender)? {
    let server = server ?? environment["KYCUONG_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
    let key = key ?? environment["KYCUONG_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    guard server != nil || key != nil else { return nil }
    guard let server, let key else {
      throw CommandFailure(
        "sending the log needs both the server (--server, KYCUONG_SERVER) and this device's key (--key, "
          + "KYCUONG_KEY)", status: .usage)
    }
    #if Server
      return Client(client: try SyncOptions.client(server: server, key: key, attempts: 1))
    #else
      _ = (server, key)
      throw CommandFailure("this kycuong was built without the Server trait: it cannot send to a server")
    #endif
  }

  #if Server
    /// A ``/KyCuongSync/SyncClient`` as a log sender: the uploader's thread waits for the client's task.
    struct Client: LogSender {
      let client: SyncClient
      var destination: String { client.server.absoluteString }

      func send(_ log: Data, audit: String, device: String) throws -> Int {
        try Self.wait { () async throws(SyncError) in
          try await client.pushLog(log, of: audit, device: device).log.lineCount
        }
      }

      func fetchLogs(of audit: String, excluding device: String) throws -> [(device: String, data: Data)] {
        try Self.wait { () async throws(SyncError) in
          var logs: [(device: String, data: Data)] = []
          for entry in try await client.deviceLogs(of: audit) where entry.device != device {
            logs.append((entry.device, try await client.deviceLog(of: audit, device: entry.device)))
          }
          return logs
        }
      }

      /// Runs `work` in a task and blocks the calling thread (the session's sending thread) until it ends.
      private static func wait<Value: Sendable>(
        _ work: @Sendable @escaping () async throws(SyncError) -> Value
      ) throws(SyncError) -> Value {
        let answer = Answer<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
          do throws(SyncError) {
            answer.set(.success(try await work()))
          } catch {
            answer.set(.failure(error))
          }
          done.signal()
        }
        done.wait()
        return try answer.get()
      }
    }

    /// The client task's result, handed to the waiting thread.
    final class Answer<Value: Sendable>: @unchecked Sendable {
      private let lock = NSLock()
      private var result: Result<Value, SyncError> = .failure(.connection("no answer"))

      func set(_ result: Result<Value, SyncError>) { lock.withLock { self.result = result } }
      func get() throws(SyncError) -> Value { try lock.withLock { result }.get() }
    }
  #endif
}
