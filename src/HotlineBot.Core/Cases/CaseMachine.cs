using Stateless;
using Stateless.Graph;

namespace HotlineBot.Cases;

public enum CaseTrigger
{
    Take,
    TransferToQueue,
    TransferToWorker,
    Close,
    Reopen,
}

/// <summary>
/// The lifecycle of a case (queued → assigned → closed, with transfers and reopening), configured in one place.
/// Its state is <see cref="Case.Status"/>, stored with the case.
/// </summary>
public sealed class CaseMachine
{
    private readonly StateMachine<CaseStatus, CaseTrigger> _machine;

    public CaseMachine(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        _machine = new StateMachine<CaseStatus, CaseTrigger>(() => @case.Status, s => @case.Status = s);
        _machine.Configure(CaseStatus.Queued)
            .Permit(CaseTrigger.Take, CaseStatus.Assigned)
            .Permit(CaseTrigger.TransferToWorker, CaseStatus.Assigned)
            .Permit(CaseTrigger.Close, CaseStatus.Closed);
        _machine.Configure(CaseStatus.Assigned)
            .Permit(CaseTrigger.TransferToQueue, CaseStatus.Queued)
            .PermitReentry(CaseTrigger.TransferToWorker)
            .Permit(CaseTrigger.Close, CaseStatus.Closed);
        _machine.Configure(CaseStatus.Closed)
            .Permit(CaseTrigger.Reopen, CaseStatus.Queued);
    }

    public bool CanFire(CaseTrigger trigger) => _machine.CanFire(trigger);

    public bool TryFire(CaseTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }

    public static string Graph() => UmlDotGraph.Format(new CaseMachine(new Case())._machine.GetInfo());
}
