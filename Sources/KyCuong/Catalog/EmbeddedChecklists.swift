/// The standard checklists, compiled in from the package's `Checklists/` folder by the
/// `EmbedChecklistsPlugin` build plugin (which adds the `files` member).
enum EmbeddedChecklists {}
