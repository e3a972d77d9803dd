using System.Globalization;
using JasKnowledge.Core.Assets;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>What the revision partial shows: one version of a file, in the reader's formatting.</summary>
public sealed record RevisionView(Asset File, AssetRevision Revision, CultureInfo Formatting, bool ShowTitle);
