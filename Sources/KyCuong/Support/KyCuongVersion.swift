/// The version of KyCuong: the library, its file formats' writer and the `kycuong` tool (`kycuong --version`).
///
/// The library follows Semantic Versioning from 1.0.0; before that, a minor version may change the public
/// API, and `CHANGELOG.md` says how. File formats have versions of their own (`kycuong.audit/1.1`, event
/// format 2), and every version ever written stays readable.
public enum KyCuongVersion {
  /// `MAJOR.MINOR.PATCH`.
  public static let string = "0.2.0"
}
