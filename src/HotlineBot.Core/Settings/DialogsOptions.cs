using System.ComponentModel.DataAnnotations;

namespace HotlineBot.Settings;

public sealed class DialogsOptions
{
    public const string Section = "Dialogs";

    [Required]
    public string Path { get; set; } = "dialogs";
}
