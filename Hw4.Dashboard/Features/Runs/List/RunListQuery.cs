using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Features.Runs.List;

/// <summary>
/// The runs list's filters and sort order, applied to index rows. Text matches every word (case-insensitive) against
/// the id, the name, the model, a denoising run's norm, its host or a tag; status, kind, model and host must match exactly when set. Missing values (no test accuracy yet,
/// no validation loss) always sort last, whichever the direction, so the interesting rows stay on top.
/// </summary>
public sealed class RunListQuery
{
    /// <summary>Free text over id, name, model, norm, host and tags; words are ANDed.</summary>
    public string? Text { get; set; }

    /// <summary>Only this status, or all when null or empty.</summary>
    public string? Status { get; set; }

    /// <summary>Only this kind (<c>train</c>, <c>denoise</c>), or all when null or empty.</summary>
    public string? Kind { get; set; }

    /// <summary>Only this model, or all when null or empty.</summary>
    public string? Model { get; set; }

    /// <summary>Only runs trained on this host (<see cref="RunRow.Host"/>), or all when null or empty.</summary>
    public string? Host { get; set; }

    /// <summary>The sorted column.</summary>
    public RunSortColumn SortColumn { get; private set; } = RunSortColumn.Created;

    /// <summary>True for descending order.</summary>
    public bool Descending { get; private set; } = true;

    /// <summary>
    /// Sorts by <paramref name="column"/>: the same column again flips the direction; a new one starts in its natural
    /// direction (newest, most accurate, lowest loss first; text columns A→Z).
    /// </summary>
    public void SortBy(RunSortColumn column)
    {
        if (column == SortColumn)
        {
            Descending = !Descending;
            return;
        }

        SortColumn = column;
        Descending = DefaultDescending(column);
    }

    // Newest, most accurate, sharpest and longest first; names, losses and settings from the smallest.
    private static bool DefaultDescending(RunSortColumn column) =>
        column is RunSortColumn.Created or RunSortColumn.TestAccuracy or RunSortColumn.Psnr or RunSortColumn.Epochs or RunSortColumn.Steps;

    /// <summary>
    /// The query read back from the address (<c>?q=&amp;status=&amp;model=&amp;host=&amp;sort=&amp;dir=</c>); unknown or missing
    /// values fall back to the defaults (newest first), so a hand-edited link still opens the list.
    /// </summary>
    public static RunListQuery FromAddress(
        string? text, string? status, string? model, string? sort, string? direction, string? kind = null, string? host = null)
    {
        var query = new RunListQuery
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Status = string.IsNullOrWhiteSpace(status) ? null : status,
            Model = string.IsNullOrWhiteSpace(model) ? null : model,
            Kind = string.IsNullOrWhiteSpace(kind) ? null : kind,
            Host = string.IsNullOrWhiteSpace(host) ? null : host,
        };
        if (Enum.TryParse<RunSortColumn>(sort, ignoreCase: true, out var column) && Enum.IsDefined(column))
        {
            query.SortColumn = column;
            query.Descending = DefaultDescending(column);
        }

        if (direction is "asc")
            query.Descending = false;
        else if (direction is "desc")
            query.Descending = true;
        return query;
    }

    /// <summary>
    /// The address's query values for this state, each null where it is the default (so the default list has a bare
    /// <c>/runs</c>): <c>q</c>, <c>status</c>, <c>kind</c>, <c>model</c>, <c>host</c>, <c>sort</c> (a column name in lower case)
    /// and <c>dir</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object?> ToAddress()
    {
        var defaultSort = SortColumn == RunSortColumn.Created;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
            ["status"] = Status,
            ["kind"] = Kind,
            ["model"] = Model,
            ["host"] = Host,
            ["sort"] = defaultSort ? null : SortColumn.ToString().ToLowerInvariant(),
            ["dir"] = Descending == DefaultDescending(SortColumn) ? null : Descending ? "desc" : "asc",
        };
    }

    /// <summary>The rows that pass the filters, in the chosen order (ties: newest first, then id).</summary>
    public IReadOnlyList<RunRow> Apply(IEnumerable<RunRow> runs)
    {
        var words = (Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var filtered = runs.Where(r =>
            (string.IsNullOrEmpty(Status) || string.Equals(r.Status, Status, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(Kind) || string.Equals(r.Kind, Kind, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(Model) || string.Equals(r.Model, Model, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(Host) || string.Equals(r.Host, Host, StringComparison.OrdinalIgnoreCase))
            && words.All(w => Matches(r, w)));

        var sorted = SortColumn switch
        {
            RunSortColumn.Id => ByText(filtered, r => r.Id),
            RunSortColumn.Model => ByText(filtered, r => r.Model),
            RunSortColumn.Status => ByText(filtered, r => r.Status),
            RunSortColumn.Host => ByText(filtered, r => r.Host),
            RunSortColumn.Tags => ByText(filtered, r => r.Tags.Count == 0 ? null : string.Join(' ', r.Tags)),
            RunSortColumn.BestValLoss => ByNumber(filtered, r => r.BestValLoss),
            RunSortColumn.TestAccuracy => ByNumber(filtered, r => r.TestAccuracy),
            RunSortColumn.Norm => ByText(filtered, r => r.Norm),
            RunSortColumn.Alpha => ByNumber(filtered, r => r.Alpha),
            RunSortColumn.LearningRate => ByNumber(filtered, r => r.Kind == Hw4.Ml.Runs.RunKinds.Denoise ? r.LearningRate : null),
            RunSortColumn.Psnr => ByNumber(filtered, r => r.Psnr),
            RunSortColumn.Epochs => ByNumber(filtered, r => r.Kind == Hw4.Ml.Runs.RunKinds.Train ? r.EpochsDone : (int?)null),
            RunSortColumn.Steps => ByNumber(filtered, r => r.StepsDone),
            _ => ByNumber(filtered, r => (long?)r.CreatedAt.UtcTicks),
        };
        return sorted.ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The distinct statuses among <paramref name="runs"/>, for the status filter.</summary>
    public static IReadOnlyList<string> StatusesOf(IEnumerable<RunRow> runs) =>
        runs.Select(r => r.Status).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    /// <summary>The distinct models among <paramref name="runs"/>, for the model filter.</summary>
    public static IReadOnlyList<string> ModelsOf(IEnumerable<RunRow> runs) =>
        runs.Select(r => r.Model).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    /// <summary>The distinct hosts among <paramref name="runs"/>, for the host filter.</summary>
    public static IReadOnlyList<string> HostsOf(IEnumerable<RunRow> runs) =>
        runs.Select(r => r.Host).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    private static bool Matches(RunRow run, string word) =>
        run.Id.Contains(word, StringComparison.OrdinalIgnoreCase)
        || (run.Name?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || (run.Model?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || (run.Norm?.Equals(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || (run.Host?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || run.Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase));

    private IOrderedEnumerable<RunRow> ByText(IEnumerable<RunRow> runs, Func<RunRow, string?> key)
    {
        var missingLast = runs.OrderBy(r => string.IsNullOrEmpty(key(r)));
        return Descending
            ? missingLast.ThenByDescending(key, StringComparer.OrdinalIgnoreCase)
            : missingLast.ThenBy(key, StringComparer.OrdinalIgnoreCase);
    }

    private IOrderedEnumerable<RunRow> ByNumber<T>(IEnumerable<RunRow> runs, Func<RunRow, T?> key)
        where T : struct, IComparable<T>
    {
        var missingLast = runs.OrderBy(r => key(r) is null);
        return Descending ? missingLast.ThenByDescending(r => key(r)) : missingLast.ThenBy(r => key(r));
    }
}
