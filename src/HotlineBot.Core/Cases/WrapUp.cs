namespace HotlineBot.Cases;

/// <summary>The steps of the wrap-up form, in order; the worker may close from any step once a category is chosen.</summary>
public enum WrapUpStep
{
    Category,
    Subcategory,
    Actions,
    Repeat,
    Summary,
}

/// <summary>What the worker recorded about a closed case (dialogs/wrapup.yaml ids); reported as counts, never as text.</summary>
public sealed class WrapUpRecord
{
    public string Category { get; set; } = string.Empty;
    public string? Subcategory { get; set; }
    public List<string> Actions { get; set; } = [];
    public bool? RepeatContact { get; set; }

    /// <summary>Staff only; never sent to the person and never in the monthly report.</summary>
    public string? Summary { get; set; }

    /// <summary>Who closed the case: they (or a supervisor) may edit the form later.</summary>
    public long? ClosedBy { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>"category/subcategory": the case's outcome as the older reports read it.</summary>
    public string Code => Subcategory is null ? Category : $"{Category}/{Subcategory}";
}

/// <summary>A form in progress, kept on the worker's state so it survives a restart between two taps.</summary>
public sealed class WrapUpDraft
{
    public int CaseId { get; set; }
    public WrapUpStep Step { get; set; }
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public List<string> Actions { get; set; } = [];
    public bool? RepeatContact { get; set; }
    public string? Summary { get; set; }

    /// <summary>True: editing the form of a case already closed (saved, logged as an edit) rather than closing it.</summary>
    public bool Editing { get; set; }
}
