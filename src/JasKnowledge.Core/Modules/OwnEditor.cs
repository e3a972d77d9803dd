namespace JasKnowledge.Core.Modules;

/// <summary>A content type edited in its module's own form, with its own rule of who may (a municipality's
/// record: its municipal editor or an administrator). The general content editor leaves such items to
/// administrators, so that the module's rule cannot be walked around.</summary>
public sealed record OwnEditor(string Type, string Path);
