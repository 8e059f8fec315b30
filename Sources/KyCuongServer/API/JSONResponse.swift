import Foundation
import Hummingbird
import KyCuongSync

/// The API's responses: JSON with ISO 8601 times and sorted keys, problems as `application/problem+json`.
enum JSONResponse {
  static func make(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
  }

  static func ok(_ value: some Encodable) throws -> Response {
    try make(value, status: .ok)
  }

  static func problem(_ problem: APIProblem) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Three strings always encode.
    let data = (try? encoder.encode(problem)) ?? Data()
    var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8"]
    if problem.status == 401 { headers[.wwwAuthenticate] = "Signature" }
    return Response(
      status: HTTPResponse.Status(code: problem.status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// The OpenAPI 3.1 document of the API, as committed in the repository.
  static func openAPIDocument() throws -> Response {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
      throw APIProblem(
        status: 500, title: "server", detail: "the API's description is missing from the build")
    }
    return Response(
      status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url))))
  }
}
