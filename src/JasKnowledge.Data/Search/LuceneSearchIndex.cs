using System.Globalization;
using System.Text;
using JasKnowledge.Core.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace JasKnowledge.Data.Search;

/// <summary>
/// This node's search index: Lucene.Net in a folder under the data directory. Changes from the outbox
/// are applied in sequence order and committed together with the last sequence (in the commit's user
/// data), so after a crash the index knows exactly where it stands. A missing, damaged or outdated
/// index (other analysis version) is replaced by an empty one, which the updater fills from the outbox.
/// Hosts in one process that share a data folder (test hosts) share one instance, because Lucene
/// allows one writer per folder.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const string SequenceKey = "sequence";
    private const string AnalysisKey = "analysis";

    private static readonly Dictionary<string, LuceneSearchIndex> Open = new(StringComparer.Ordinal);
    private static readonly System.Threading.Lock OpenGuard = new();

    private readonly string _folder;
    private readonly ILogger _logger;
    private readonly System.Threading.Lock _writeGuard = new();
    private LuceneDirectory _directory = null!;
    private IndexWriter _writer = null!;
    private SearcherManager _searchers = null!;
    private readonly SearchResultCache _results = new();
    private int _users;
    private long _applied;

    static LuceneSearchIndex() => SearchCodec.Register();

    private LuceneSearchIndex(string folder, ILogger logger)
    {
        _folder = folder;
        _logger = logger;
        OpenOrRecreate();
    }

    /// <summary>The index in this folder, opened (or made) on first use; <see cref="Dispose"/> closes it
    /// when its last user is done.</summary>
    public static LuceneSearchIndex OpenFolder(string folder, ILogger logger)
    {
        var path = Path.GetFullPath(folder);
        lock (OpenGuard)
        {
            if (!Open.TryGetValue(path, out var index)) Open[path] = index = new LuceneSearchIndex(path, logger);
            index._users++;
            return index;
        }
    }

    public string Folder => _folder;

    public long AppliedSequence => Interlocked.Read(ref _applied);

    /// <summary>True when this start found no usable index and began with an empty one.</summary>
    public bool StartedEmpty { get; private set; }

    public Task ApplyAsync(IReadOnlyList<SearchChange> changes, CancellationToken cancellationToken = default)
    {
        lock (_writeGuard)
        {
            var last = _applied;
            foreach (var change in changes)
            {
                if (change.Sequence <= last) continue;
                var key = new Term(SearchFields.Source, change.Source.ToString());
                if (change.Document is null) _writer.DeleteDocuments(key);
                else _writer.UpdateDocument(key, Fields(change.Document), SearchAnalyzers.For(change.Document.Culture));
                last = change.Sequence;
            }
            if (last == _applied) return Task.CompletedTask;
            Commit(last);
        }
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken cancellationToken = default)
    {
        lock (_writeGuard)
        {
            _writer.DeleteAll();
            Commit(0);
        }
        return Task.CompletedTask;
    }

    /// <summary>Merges the index into one segment. A rebuild from the outbox commits every batch and
    /// leaves about twenty segments at 100,000 documents; every word a search looks up is then looked up
    /// in each, and the searches took twice as long as on one segment (merging took 12 s there).</summary>
    public Task CompactAsync(CancellationToken cancellationToken = default)
    {
        lock (_writeGuard)
        {
            _writer.ForceMerge(1);
            Commit(_applied);
        }
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Task.FromResult(searcher.IndexReader.NumDocs);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The sources in the index, to compare it with the outbox.</summary>
    public IReadOnlySet<Guid> Sources()
    {
        var searcher = _searchers.Acquire();
        try
        {
            var sources = new HashSet<Guid>();
            var reader = searcher.IndexReader;
            var live = MultiFields.GetLiveDocs(reader);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                sources.Add(Guid.Parse(reader.Document(doc).Get(SearchFields.Source)));
            }
            return sources;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.Query.HasTerms) return Task.FromResult(SearchResults.None);
        var searcher = _searchers.Acquire();
        try
        {
            return Task.FromResult(_results.GetOrAdd(searcher.IndexReader, request, () => LuceneSearch.Run(searcher, request)));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void Commit(long sequence)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
            [AnalysisKey] = SearchAnalyzers.AnalysisVersion,
        });
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        Interlocked.Exchange(ref _applied, sequence);
    }

    private static IEnumerable<IIndexableField> Fields(SearchDocument document)
    {
        var isDownload = document.Type == SearchIndexer.DownloadType;
        yield return new StringField(SearchFields.Source, document.Source.ToString(), Field.Store.YES);
        yield return new StringField(SearchFields.Type, document.Type, Field.Store.YES);
        yield return new SortedDocValuesField(SearchFields.Type, new BytesRef(document.Type));
        yield return new StringField(SearchFields.Culture, document.Culture, Field.Store.YES);
        yield return new SortedDocValuesField(SearchFields.Culture, new BytesRef(document.Culture));
        yield return new StoredField(SearchFields.LocalizationSet, document.LocalizationSet);
        yield return new StoredField(SearchFields.Slug, document.Slug);
        yield return new SortedDocValuesField(
            SearchFields.TieBreak, new BytesRef(SearchFields.TieBreakKey(document.Slug, document.Type, document.Culture)));
        yield return new TextField(SearchFields.Title, document.Title, Field.Store.YES);
        yield return new TextField(SearchFields.Summary, document.Summary, Field.Store.YES);
        // The text is stored once, as the snippet text of the passage field (summary and text, spaces as one).
        var textField = isDownload ? SearchFields.Notes : SearchFields.Body;
        yield return new TextField(textField, document.Text, Field.Store.NO);
        yield return new Field(SearchFields.PairsOf(SearchFields.Title), document.Title, PairsType);
        yield return new Field(SearchFields.PairsOf(SearchFields.Summary), document.Summary, PairsType);
        yield return new Field(SearchFields.PairsOf(textField), document.Text, PairsType);
        var all = string.Join("\n\n", document.Title, document.Summary, document.Text);
        yield return new TextField(SearchFields.Exact, all, Field.Store.NO);
        if (SearchAnalyzers.HasCompounds(document.Culture)) yield return new TextField(SearchFields.Tail, all, Field.Store.NO);
        if (SearchAnalyzers.MatchesByPrefix(document.Culture)) yield return new TextField(SearchFields.Beginnings, all, Field.Store.NO);
        var passage = SearchSnippets.Text(document.Summary, document.Text);
        yield return new Field(SearchFields.Passage, passage, PassageType);
        // Stored as UTF-8 bytes, not as a string: Lucene reads a stored string through a byte array of its own anyway.
        yield return new StoredField(SearchFields.Passage, Encoding.UTF8.GetBytes(passage));
        if (document.Sections is { Count: > 0 } sections)
            yield return new StoredField(SearchFields.Sections, SearchSection.Join(
                sections.Select(s => s with { Start = SearchSnippets.PlaceInText(document.Summary, document.Text, s.Start) })));
    }

    /// <summary>Words with their offsets, for marking snippets; no norms, because it is never scored. The text a
    /// snippet is cut from is stored apart, as bytes.</summary>
    private static readonly FieldType PassageType = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        OmitNorms = true,
    });

    /// <summary>Which documents hold a pair of stems: no frequencies, positions or norms (never scored).</summary>
    private static readonly FieldType PairsType = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_ONLY,
        OmitNorms = true,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The folder as Lucene reads it: memory-mapped on a 64-bit process, as Lucene advises,
    /// where FSDirectory.Open would choose positional file reads on Linux (a hit's stored text took
    /// about a tenth of a millisecond to read that way), by <see cref="MappedDirectory"/> rather than
    /// Lucene's own, whose register of copies lengthened every garbage collection.</summary>
    public static LuceneDirectory Directory(string folder) =>
        Environment.Is64BitProcess ? new MappedDirectory(new DirectoryInfo(folder)) : FSDirectory.Open(folder);

    /// <summary>Opens the index in the folder; anything that keeps it from opening whole (no index, a
    /// damaged or missing file, another analysis version) makes it start again empty.</summary>
    private void OpenOrRecreate()
    {
        System.IO.Directory.CreateDirectory(_folder);
        try
        {
            OpenExisting();
            return;
        }
        catch (LockObtainFailedException)
        {
            // Another process (a portal already serving from this data folder) has it: never delete it.
            CloseQuietly();
            throw new IOException($"The search index in {_folder} is in use by another process on this machine.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning("The search index in {Folder} cannot be used ({Reason}); making it again from the search outbox.", _folder,
                e.Message.Split('\n')[0]);
            CloseQuietly();
            foreach (var file in System.IO.Directory.EnumerateFiles(_folder)) File.Delete(file);
            CreateEmpty();
        }
    }

    private void OpenExisting()
    {
        _directory = Directory(_folder);
        if (!DirectoryReader.IndexExists(_directory))
        {
            _directory.Dispose();
            CreateEmpty();
            return;
        }
        var infos = new SegmentInfos();
        infos.Read(_directory);
        var data = infos.UserData;
        if (!data.TryGetValue(AnalysisKey, out var analysis) || analysis != SearchAnalyzers.AnalysisVersion)
            throw new InvalidDataException($"made with analysis version {analysis ?? "none"}, this portal uses {SearchAnalyzers.AnalysisVersion}");
        _writer = new IndexWriter(_directory, Config(OpenMode.APPEND));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new LiveStatisticsSearcher.Factory());
        // Read every segment once now, so a damaged file is found here and not by a visitor.
        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            for (var doc = 0; doc < reader.MaxDoc; doc++) reader.Document(doc);
        }
        finally
        {
            _searchers.Release(searcher);
        }
        _applied = long.Parse(data[SequenceKey], CultureInfo.InvariantCulture);
    }

    private void CreateEmpty()
    {
        StartedEmpty = true;
        _directory = Directory(_folder);
        _writer = new IndexWriter(_directory, Config(OpenMode.CREATE));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new LiveStatisticsSearcher.Factory());
        Commit(0);
    }

    private static IndexWriterConfig Config(OpenMode mode) =>
        new(SearchAnalyzers.Version, SearchAnalyzers.For("und")) { OpenMode = mode, Codec = new SearchCodec() };

    private void CloseQuietly()
    {
        try { _searchers?.Dispose(); } catch (Exception) { /* already broken */ }
        try { _writer?.Dispose(); } catch (Exception) { /* already broken */ }
        try { _directory?.Dispose(); } catch (Exception) { /* already broken */ }
        _searchers = null!;
        _writer = null!;
        _directory = null!;
    }

    public void Dispose()
    {
        lock (OpenGuard)
        {
            if (--_users > 0) return;
            Open.Remove(_folder);
        }
        lock (_writeGuard)
        {
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
        }
    }
}
