namespace Softswitch.Interop.Tests.Sipp;

/// <summary>The scenario files of <c>Scenarios/</c>, copied next to the test assembly; each file's header says what it expects.</summary>
public static class SippScenario
{
    public const string UacCallBye = "uac-call-bye.xml";
    public const string UacCallWaitBye = "uac-call-wait-bye.xml";
    public const string UacCancel = "uac-cancel.xml";
    public const string UacExpectFailure = "uac-expect-failure.xml";
    public const string UacLoggedCall = "uac-logged-call.xml";
    public const string UacReinvite = "uac-reinvite.xml";
    public const string UacRegister = "uac-register.xml";
    public const string UacRegisterExpires = "uac-register-expires.xml";
    public const string UacRegisterStay = "uac-register-stay.xml";
    public const string UacPhoneCall = "uac-phone-call.xml";
    public const string UacRegisterCall = "uac-register-call.xml";
    public const string UacRegisterWrongPassword = "uac-register-wrong-password.xml";
    public const string UasAnswer = "uas-answer.xml";
    public const string UasAnswerHangup = "uas-answer-hangup.xml";
    public const string UasAnswerReinvite = "uas-answer-reinvite.xml";
    public const string UasRedirect302 = "uas-redirect-302.xml";
    public const string UasRouting302 = "uas-routing-302.xml";
    public const string UasRouting404 = "uas-routing-404.xml";
    public const string UasRouting603 = "uas-routing-603.xml";
    public const string UasAnswerLong = "uas-answer-long.xml";
    public const string UasFail486 = "uas-fail-486.xml";
    public const string UasFail503 = "uas-fail-503.xml";
    public const string UasRingNoAnswer = "uas-ring-no-answer.xml";
    public const string UasDigestRegistrar = "uas-digest-registrar.xml";
    public const string UasOpenRegistrar = "uas-open-registrar.xml";

    public static string PathOf(string scenario)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No SIPp scenario named {scenario}.", path);
    }
}
