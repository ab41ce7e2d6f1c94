// The claims of the seed review that the built-in iron/heme CSC model must reproduce
// (/work/shared/model/claims.md): one test function per claim and per supporting check, with the
// exact pass criterion of claims.md and its scenario conventions (phenotype preset, pre-equilibration
// with stable gene multipliers, inputs from t = 0, control = same phenotype without intervention to
// the same t, Viability = V·exp(−PDT/D0_pdt), IC50 by bisection in log-dose). The key numbers of each
// claim are printed with qInfo() so they can be compared with the "model result" column.
#include "claims_support.h"

#include <QtTest>

#include <cmath>
#include <optional>

using claims::Case;
using claims::Trajectory;
using claims::arrow;
using claims::num;
using claims::phenotype;

// Runs a case into a const Trajectory `var`; fails the test function if the run did not succeed.
#define RUN(var, ...)                                  \
    const Trajectory var = m_h.run(__VA_ARGS__);       \
    CLAIMS_REQUIRE(var)

namespace {

const char *const kPhenotypes[] = {"nonCSC", "CSC"};
constexpr double kLightStart = 4.0;
constexpr double kLightEnd = 4.0 + 1.0 / 6.0;   // 10 min

/// claims.md claim 32: 5-ALA 1 mM from 0, 10 mW/cm² for 10 min at t = 4 h, read at 24 h.
Case alaPdt(const std::string &phen)
{
    Case c = phenotype(phen);
    c.input("ALA_ext", 1000).input("IRR", 10, kLightStart, kLightEnd).until(24);
    return c;
}

QByteArray msg(const QString &s) { return s.toUtf8(); }

}  // namespace

class TestClaims : public QObject {
    Q_OBJECT

    claims::Harness m_h;
    std::optional<claims::Ic50> m_erastinCsc;   // shared by claims 22 and 24 (computed once)

    const claims::Ic50 &erastinIc50Csc()
    {
        if (!m_erastinCsc) m_erastinCsc = claims::ic50(m_h, phenotype("CSC"), "ERA", 48);
        return *m_erastinCsc;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_h.init(error), qPrintable(error));
    }

    // ------------------------------------------------------------------ phenotype (t = 72 h)

    void claim01_cscAccumulateIron()
    {
        RUN(non, phenotype("nonCSC").until(72));
        RUN(csc, phenotype("CSC").until(72));
        const double lipN = non.at("LIP", 72), lipC = csc.at("LIP", 72);
        const double feN = non.at("Total_iron", 72), feC = csc.at("Total_iron", 72);
        qInfo().noquote() << "claim 1: LIP" << num(lipC) << "vs" << num(lipN) << "µM; total iron" << num(feC)
                          << "vs" << num(feN) << "µM (CSC vs non-CSC, 72 h)";
        QVERIFY2(lipC > lipN, msg(QString("LIP CSC %1 !> non %2").arg(lipC).arg(lipN)));
        QVERIFY2(feC > feN, msg(QString("total iron CSC %1 !> non %2").arg(feC).arg(feN)));
    }

    void claim02_tfr1UpFpnDownFerritinUp()
    {
        RUN(non, phenotype("nonCSC").until(72));
        RUN(csc, phenotype("CSC").until(72));
        const double r[] = {csc.at("TfR1", 72) / non.at("TfR1", 72), csc.at("FPN", 72) / non.at("FPN", 72),
                            csc.at("FT", 72) / non.at("FT", 72), csc.at("FtFe", 72) / non.at("FtFe", 72)};
        qInfo().noquote() << "claim 2: CSC/non ratios TfR1" << num(r[0]) << "FPN" << num(r[1]) << "FT" << num(r[2])
                          << "FtFe" << num(r[3]);
        QVERIFY2(r[0] > 1, msg(QString("TfR1 ratio %1 !> 1").arg(r[0])));
        QVERIFY2(r[1] < 1, msg(QString("FPN ratio %1 !< 1").arg(r[1])));
        QVERIFY2(r[2] > 1, msg(QString("FT ratio %1 !> 1").arg(r[2])));
        QVERIFY2(r[3] > 1, msg(QString("FtFe ratio %1 !> 1").arg(r[3])));
    }

    void claim03_ironSupportsStemness()
    {
        RUN(non, phenotype("nonCSC").until(72));
        RUN(csc, phenotype("CSC").until(72));
        const double epiN = non.at("Epi", 72), epiC = csc.at("Epi", 72);
        const double stN = non.at("Stem", 72), stC = csc.at("Stem", 72);
        qInfo().noquote() << "claim 3: Epi" << num(epiC) << "vs" << num(epiN) << "; Stem" << num(stC) << "vs"
                          << num(stN) << "(CSC vs non-CSC)";
        QVERIFY2(epiC > epiN, msg(QString("Epi CSC %1 !> non %2").arg(epiC).arg(epiN)));
        QVERIFY2(stC > stN, msg(QString("Stem CSC %1 !> non %2").arg(stC).arg(stN)));
    }

    void claim04_nrf2XctGshHigherInCsc()
    {
        RUN(non, phenotype("nonCSC").until(72));
        RUN(csc, phenotype("CSC").until(72));
        QStringList line;
        for (const char *id : {"NRF2", "xCT", "GSH"}) {
            const double n = non.at(id, 72), c = csc.at(id, 72);
            line << QString("%1 %2 (%3 vs %4)").arg(id, num(c / n), num(c), num(n));
            QVERIFY2(c > n, msg(QString("%1 CSC %2 !> non %3").arg(id).arg(c).arg(n)));
        }
        qInfo().noquote() << "claim 4: CSC/non ratios" << line.join(", ");
    }

    void claim05_ho1Abcg2HigherInCsc()
    {
        RUN(non, phenotype("nonCSC").until(72));
        RUN(csc, phenotype("CSC").until(72));
        QStringList line;
        for (const char *id : {"HO1", "ABCG2"}) {
            const double n = non.at(id, 72), c = csc.at(id, 72);
            line << QString("%1 %2").arg(id, num(c / n));
            QVERIFY2(c > n, msg(QString("%1 CSC %2 !> non %3").arg(id).arg(c).arg(n)));
        }
        qInfo().noquote() << "claim 5: CSC/non ratios" << line.join(", ");
    }

    // ------------------------------------------------------------------ iron chelation

    void claim06_chelatorRaisesTfr1()
    {
        for (const char *phen : kPhenotypes) {
            RUN(ctrl, phenotype(phen).until(24));
            RUN(dfo, phenotype(phen).input("DFO", 100).until(24));
            const double lip0 = ctrl.at("LIP", 24), lip1 = dfo.at("LIP", 24);
            const double tf0 = ctrl.at("TfR1", 24), tf1 = dfo.at("TfR1", 24);
            qInfo().noquote() << "claim 6:" << phen << "DFO 100 µM 24 h: LIP" << arrow(lip0, lip1) << "; TfR1 ×"
                              << num(tf1 / tf0);
            QVERIFY2(lip1 < lip0, msg(QString("%1: LIP %2 !< control %3").arg(phen).arg(lip1).arg(lip0)));
            QVERIFY2(tf1 > tf0, msg(QString("%1: TfR1 %2 !> control %3").arg(phen).arg(tf1).arg(tf0)));
        }
    }

    void claim08_chelatorLowersStemness()
    {
        for (const char *phen : kPhenotypes) {
            RUN(ctrl, phenotype(phen).until(72));
            RUN(dfo, phenotype(phen).input("DFO", 100).until(72));
            const double e0 = ctrl.at("Epi", 72), e1 = dfo.at("Epi", 72);
            const double s0 = ctrl.at("Stem", 72), s1 = dfo.at("Stem", 72);
            qInfo().noquote() << "claim 8:" << phen << "DFO 100 µM 72 h: Epi" << arrow(e0, e1) << "; Stem"
                              << arrow(s0, s1);
            QVERIFY2(e1 < e0, msg(QString("%1: Epi %2 !< control %3").arg(phen).arg(e1).arg(e0)));
            QVERIFY2(s1 < s0, msg(QString("%1: Stem %2 !< control %3").arg(phen).arg(s1).arg(s0)));
        }
    }

    void claim09_ferritinDegradedOnIronDepletion()
    {
        for (const char *phen : kPhenotypes) {
            RUN(ctrl, phenotype(phen).until(24));
            RUN(dfo, phenotype(phen).input("DFO", 100).until(24));
            const double f0 = ctrl.at("FtFe", 24), f1 = dfo.at("FtFe", 24);
            const double t0 = ctrl.at("FT", 24), t1 = dfo.at("FT", 24);
            qInfo().noquote() << "claim 9:" << phen << "DFO 100 µM 24 h: FtFe" << arrow(f0, f1) << "; FT"
                              << arrow(t0, t1);
            QVERIFY2(f1 < f0, msg(QString("%1: FtFe %2 !< control %3").arg(phen).arg(f1).arg(f0)));
            QVERIFY2(t1 < t0, msg(QString("%1: FT %2 !< control %3").arg(phen).arg(t1).arg(t0)));
        }
    }

    void claim12_antiTfr1LowersIronAndStemness()
    {
        RUN(ctrl, phenotype("CSC").until(72));
        RUN(ab, phenotype("CSC").input("ANTITFR1", 10).until(72));
        const double l0 = ctrl.at("LIP", 72), l1 = ab.at("LIP", 72);
        const double s0 = ctrl.at("Stem", 72), s1 = ab.at("Stem", 72);
        qInfo().noquote() << "claim 12: CSC anti-TFR1 10 nM 72 h: LIP" << arrow(l0, l1) << "; Stem" << arrow(s0, s1);
        QVERIFY2(l1 < l0, msg(QString("LIP %1 !< control %2").arg(l1).arg(l0)));
        QVERIFY2(s1 < s0, msg(QString("Stem %1 !< control %2").arg(s1).arg(s0)));
    }

    void claim13_hepcidinAndFpnSilencingRetainIron()
    {
        RUN(ctrl24, phenotype("nonCSC").until(24));
        RUN(hep, phenotype("nonCSC").input("HEP", 50).until(24));
        const double f0 = ctrl24.at("FPN", 24), f1 = hep.at("FPN", 24);
        const double l0 = ctrl24.at("LIP", 24), l1 = hep.at("LIP", 24);
        RUN(ctrl72, phenotype("nonCSC").until(72));
        RUN(kd, phenotype("nonCSC").gene("FPN", 0.2).until(72));
        const double k0 = ctrl72.at("LIP", 72), k1 = kd.at("LIP", 72);
        qInfo().noquote() << "claim 13: non-CSC (a) hepcidin 50 nM 24 h: FPN" << arrow(f0, f1) << ", LIP"
                          << arrow(l0, l1) << "; (b) x_FPN 0.2 72 h: LIP" << arrow(k0, k1);
        QVERIFY2(f1 < f0, msg(QString("(a) FPN %1 !< control %2").arg(f1).arg(f0)));
        QVERIFY2(l1 > l0, msg(QString("(a) LIP %1 !> control %2").arg(l1).arg(l0)));
        QVERIFY2(k1 > k0, msg(QString("(b) LIP %1 !> control %2").arg(k1).arg(k0)));
    }

    void claim15_cd133TfIronNetwork()
    {
        RUN(ctrl, phenotype("CSC").until(72));
        RUN(irp1, phenotype("CSC").gene("IRP1", 0.2).until(72));
        RUN(cd133, phenotype("CSC").gene("CD133", 0.2).until(72));
        const double c0 = ctrl.at("CD133", 72), c1 = irp1.at("CD133", 72);
        const double l0 = ctrl.at("LIP", 72), l1 = cd133.at("LIP", 72);
        qInfo().noquote() << "claim 15: CSC (a) x_IRP1 0.2: CD133" << arrow(c0, c1) << "; (b) x_CD133 0.2: LIP"
                          << arrow(l0, l1);
        QVERIFY2(c1 > c0, msg(QString("(a) CD133 %1 !> control %2").arg(c1).arg(c0)));
        QVERIFY2(l1 < l0, msg(QString("(b) LIP %1 !< control %2").arg(l1).arg(l0)));
    }

    // ------------------------------------------------------------------ ferroptosis

    void claim17_lowFerritinSensitises()
    {
        RUN(ctrl, phenotype("CSC").until(72));
        RUN(kd, phenotype("CSC").gene("FT", 0.2).until(72));
        const double l0 = ctrl.at("LIP", 72), l1 = kd.at("LIP", 72);
        const double p0 = ctrl.at("LOOH", 72), p1 = kd.at("LOOH", 72);
        qInfo().noquote() << "claim 17: CSC x_FT 0.2 72 h: LIP" << arrow(l0, l1) << "; LOOH" << arrow(p0, p1);
        QVERIFY2(l1 > l0, msg(QString("LIP %1 !> control %2").arg(l1).arg(l0)));
        QVERIFY2(p1 > p0, msg(QString("LOOH %1 !> control %2").arg(p1).arg(p0)));
    }

    void claim18_ironLoadingRaisesPeroxidation()
    {
        RUN(ctrl, phenotype("nonCSC").until(24));
        RUN(tf, phenotype("nonCSC").input("TfFe", 2).until(24));
        const double l0 = ctrl.at("LIP", 24), l1 = tf.at("LIP", 24);
        const double p0 = ctrl.at("LOOH", 24), p1 = tf.at("LOOH", 24);
        qInfo().noquote() << "claim 18: non-CSC holo-Tf 2 µM 24 h: LIP" << arrow(l0, l1) << "; LOOH" << arrow(p0, p1);
        QVERIFY2(l1 > l0, msg(QString("LIP %1 !> control %2").arg(l1).arg(l0)));
        QVERIFY2(p1 > p0, msg(QString("LOOH %1 !> control %2").arg(p1).arg(p0)));
    }

    void claim19_gpx4InhibitionIronDependentDeath()
    {
        RUN(ctrl, phenotype("nonCSC").until(24));
        RUN(rsl3, phenotype("nonCSC").input("RSL3", 0.1).until(24));
        RUN(iron, phenotype("nonCSC").input("RSL3", 0.1).input("TfFe", 2).until(24));
        RUN(dfo, phenotype("nonCSC").input("RSL3", 0.1).input("DFO", 100).until(24));
        const double looh0 = ctrl.at("LOOH", 24), looh = rsl3.at("LOOH", 24);
        const double v = rsl3.at("Viability", 24);
        const double looh6 = rsl3.at("LOOH", 6), loohIron6 = iron.at("LOOH", 6);
        const double vIron = iron.at("Viability", 24), vDfo = dfo.at("Viability", 24);
        qInfo().noquote() << "claim 19: non-CSC RSL3 0.1 µM: LOOH(24 h)" << arrow(looh0, looh) << "(×"
                          << num(looh / looh0) << "); V(24 h)" << num(v) << "; LOOH(6 h)" << num(looh6)
                          << "vs" << num(loohIron6) << "with holo-Tf 2 µM; V(24 h) with iron" << num(vIron)
                          << "; +DFO V(24 h)" << num(vDfo);
        QVERIFY2(looh > 10 * looh0, msg(QString("LOOH(24 h) %1 !> 10 x control %2").arg(looh).arg(looh0)));
        QVERIFY2(v < 0.5, msg(QString("viability(24 h) %1 !< 0.5").arg(v)));
        QVERIFY2(loohIron6 > looh6, msg(QString("with iron LOOH(6 h) %1 !> RSL3 alone %2").arg(loohIron6).arg(looh6)));
        QVERIFY2(vIron <= v, msg(QString("with iron viability(24 h) %1 is higher than RSL3 alone %2").arg(vIron).arg(v)));
        QVERIFY2(vDfo > 0.9, msg(QString("with DFO viability(24 h) %1 !> 0.9").arg(vDfo)));
    }

    void claim20_gpx4InhibitionKillsCsc()
    {
        RUN(non, phenotype("nonCSC").input("RSL3", 0.1).until(24));
        RUN(csc, phenotype("CSC").input("RSL3", 0.1).until(24));
        const double vC24 = csc.at("Viability", 24), vC6 = csc.at("Viability", 6), vN6 = non.at("Viability", 6);
        qInfo().noquote() << "claim 20: RSL3 0.1 µM: CSC V(6 h)" << num(vC6) << "vs non" << num(vN6)
                          << "; CSC V(24 h)" << num(vC24);
        QVERIFY2(vC24 < 0.2, msg(QString("CSC viability(24 h) %1 !< 0.2").arg(vC24)));
        QVERIFY2(vC6 <= vN6, msg(QString("CSC viability(6 h) %1 !<= non-CSC %2").arg(vC6).arg(vN6)));
    }

    void claim21_systemXcBlockadeFerroptosis()
    {
        RUN(ctrl, phenotype("nonCSC").until(48));
        RUN(era, phenotype("nonCSC").input("ERA", 10).until(48));
        RUN(sas, phenotype("nonCSC").input("SAS", 1000).until(48));
        const double g0 = ctrl.at("GSH", 48), p0 = ctrl.at("LOOH", 48);
        const double gE = era.at("GSH", 48), pE = era.at("LOOH", 48), vE = era.at("Viability", 48);
        const double gS = sas.at("GSH", 48), pS = sas.at("LOOH", 48), vS = sas.at("Viability", 48);
        qInfo().noquote() << "claim 21: non-CSC 48 h (a) erastin 10 µM: GSH" << arrow(g0, gE) << ", LOOH ×"
                          << num(pE / p0) << ", V" << num(vE) << "; (b) sulfasalazine 1 mM: GSH" << arrow(g0, gS)
                          << ", LOOH ×" << num(pS / p0) << ", V" << num(vS);
        QVERIFY2(gE < 0.2 * g0, msg(QString("(a) GSH %1 !< 0.2 x control %2").arg(gE).arg(g0)));
        QVERIFY2(pE > 10 * p0, msg(QString("(a) LOOH %1 !> 10 x control %2").arg(pE).arg(p0)));
        QVERIFY2(vE < 0.2, msg(QString("(a) viability %1 !< 0.2").arg(vE)));
        QVERIFY2(gS < 0.3 * g0, msg(QString("(b) GSH %1 !< 0.3 x control %2").arg(gS).arg(g0)));
        QVERIFY2(pS > 3 * p0, msg(QString("(b) LOOH %1 !> 3 x control %2").arg(pS).arg(p0)));
    }

    void claim22_cscResistErastin()
    {
        const claims::Ic50 non = claims::ic50(m_h, phenotype("nonCSC"), "ERA", 48);
        CLAIMS_REQUIRE(non);
        const claims::Ic50 &csc = erastinIc50Csc();
        CLAIMS_REQUIRE(csc);
        qInfo().noquote() << "claim 22: erastin IC50 (48 h) CSC" << num(csc.value) << "vs non-CSC" << num(non.value)
                          << "µM (ratio" << num(csc.value / non.value) << ")";
        QVERIFY2(csc.value > 1.2 * non.value,
                 msg(QString("IC50 CSC %1 !> 1.2 x non-CSC %2 µM").arg(csc.value).arg(non.value)));
    }

    void claim24_nrf2InhibitionSensitises()
    {
        RUN(ctrl, phenotype("CSC").until(48));
        RUN(ml, phenotype("CSC").input("ML385", 5).until(48));
        QStringList line;
        for (const char *id : {"GSH", "GPX4", "xCT"}) {
            const double a = ctrl.at(id, 48), b = ml.at(id, 48);
            line << QString("%1 %2").arg(id, arrow(a, b));
            QVERIFY2(b < a, msg(QString("%1 %2 !< control %3").arg(id).arg(b).arg(a)));
        }
        const claims::Ic50 &ic0 = erastinIc50Csc();
        CLAIMS_REQUIRE(ic0);
        const claims::Ic50 ic1 = claims::ic50(m_h, phenotype("CSC").input("ML385", 5), "ERA", 48);
        CLAIMS_REQUIRE(ic1);
        qInfo().noquote() << "claim 24: CSC ML385 5 µM 48 h:" << line.join(", ") << "; erastin IC50"
                          << arrow(ic0.value, ic1.value) << "µM";
        QVERIFY2(ic1.value < 0.8 * ic0.value,
                 msg(QString("erastin IC50 with ML385 %1 !< 0.8 x control %2 µM").arg(ic1.value).arg(ic0.value)));
    }

    void claim25_salinomycinLysosomalIron()
    {
        RUN(ctrl, phenotype("CSC").until(12));
        RUN(sal, phenotype("CSC").input("SAL", 2).until(12));
        const double ft0 = ctrl.at("FtFe", 12), ft1 = sal.at("FtFe", 12);
        const double ly0 = ctrl.at("Fe_lys", 12), ly1 = sal.at("Fe_lys", 12);
        const double fr0 = ctrl.at("FeR", 12), fr1 = sal.at("FeR", 12);
        const double lo0 = ctrl.at("LOOH", 12), lo1 = sal.at("LOOH", 12);
        const claims::Ic50 icN = claims::ic50(m_h, phenotype("nonCSC"), "SAL", 72);
        CLAIMS_REQUIRE(icN);
        const claims::Ic50 icC = claims::ic50(m_h, phenotype("CSC"), "SAL", 72);
        CLAIMS_REQUIRE(icC);
        qInfo().noquote() << "claim 25: CSC salinomycin 2 µM 12 h: FtFe" << arrow(ft0, ft1) << "; Fe_lys"
                          << arrow(ly0, ly1) << "; FeR" << arrow(fr0, fr1) << "; LOOH" << arrow(lo0, lo1)
                          << "; IC50 (72 h) CSC" << num(icC.value) << "vs non-CSC" << num(icN.value) << "µM";
        QVERIFY2(ft1 < ft0, msg(QString("FtFe %1 !< control %2").arg(ft1).arg(ft0)));
        QVERIFY2(ly1 > 2 * ly0, msg(QString("Fe_lys %1 !> 2 x control %2").arg(ly1).arg(ly0)));
        QVERIFY2(fr1 > fr0, msg(QString("FeR %1 !> control %2").arg(fr1).arg(fr0)));
        QVERIFY2(lo1 > 5 * lo0, msg(QString("LOOH %1 !> 5 x control %2").arg(lo1).arg(lo0)));
        QVERIFY2(icC.value < icN.value, msg(QString("IC50 CSC %1 !< non-CSC %2 µM").arg(icC.value).arg(icN.value)));
    }

    // ------------------------------------------------------------------ 5-ALA, PpIX, PDT

    void claim26_cscLowPpix()
    {
        RUN(non, phenotype("nonCSC").input("ALA_ext", 1000).until(4));
        RUN(csc, phenotype("CSC").input("ALA_ext", 1000).until(4));
        const double pN = non.at("PpIX", 4), pC = csc.at("PpIX", 4);
        qInfo().noquote() << "claim 26: 5-ALA 1 mM 4 h: PpIX CSC" << num(pC) << "vs non-CSC" << num(pN) << "µM (ratio"
                          << num(pC / pN) << ")";
        QVERIFY2(pC < 0.7 * pN, msg(QString("PpIX CSC %1 !< 0.7 x non-CSC %2").arg(pC).arg(pN)));
    }

    void claim28_abcg2InhibitionRaisesPpix()
    {
        double fold[2] = {0, 0};
        for (int k = 0; k < 2; ++k) {
            const char *phen = kPhenotypes[k];
            RUN(ala, phenotype(phen).input("ALA_ext", 1000).until(4));
            RUN(ko, phenotype(phen).input("ALA_ext", 1000).input("KO143", 1).until(4));
            fold[k] = ko.at("PpIX", 4) / ala.at("PpIX", 4);
            qInfo().noquote() << "claim 28:" << phen << "5-ALA + Ko143 1 µM 4 h: PpIX"
                              << arrow(ala.at("PpIX", 4), ko.at("PpIX", 4)) << "(×" << num(fold[k]) << ")";
        }
        QVERIFY2(fold[1] > 1.2, msg(QString("CSC fold %1 !> 1.2").arg(fold[1])));
        QVERIFY2(fold[1] > fold[0], msg(QString("CSC fold %1 !> non-CSC fold %2").arg(fold[1]).arg(fold[0])));
    }

    void claim29_ho1InhibitionRaisesPpix()
    {
        RUN(ala, phenotype("CSC").input("ALA_ext", 1000).until(4));
        RUN(znpp, phenotype("CSC").input("ALA_ext", 1000).input("ZNPP", 10).until(4));
        RUN(kd, phenotype("CSC").input("ALA_ext", 1000).gene("HO1", 0.2).until(4));
        const double p0 = ala.at("PpIX", 4), pZ = znpp.at("PpIX", 4), pK = kd.at("PpIX", 4);
        qInfo().noquote() << "claim 29: CSC 5-ALA 4 h: PpIX" << num(p0) << "→" << num(pZ) << "(ZnPP 10 µM)," << num(pK)
                          << "(x_HO1 0.2)";
        QVERIFY2(pZ > 1.02 * p0, msg(QString("ZnPP: PpIX %1 !> 1.02 x 5-ALA alone %2").arg(pZ).arg(p0)));
        QVERIFY2(pK > 1.02 * p0, msg(QString("HO-1 knock-down: PpIX %1 !> 1.02 x 5-ALA alone %2").arg(pK).arg(p0)));
    }

    void claim30_fechInhibitionRaisesPpix()
    {
        RUN(ala, phenotype("CSC").input("ALA_ext", 1000).until(4));
        RUN(fechi, phenotype("CSC").input("ALA_ext", 1000).input("FECHI", 10).until(4));
        const double p0 = ala.at("PpIX", 4), p1 = fechi.at("PpIX", 4);
        qInfo().noquote() << "claim 30: CSC 5-ALA + FECH inhibitor 10 µM 4 h: PpIX" << arrow(p0, p1) << "(×"
                          << num(p1 / p0) << ")";
        QVERIFY2(p1 > 1.2 * p0, msg(QString("PpIX %1 !> 1.2 x 5-ALA alone %2").arg(p1).arg(p0)));
    }

    void claim32_cscResistAlaPdtRestored()
    {
        RUN(non, alaPdt("nonCSC"));
        RUN(csc, alaPdt("CSC"));
        RUN(ko, alaPdt("CSC").input("KO143", 1));
        RUN(dfo, alaPdt("CSC").input("DFO", 100));
        const double vN = non.at("Viability", 24), vC = csc.at("Viability", 24);
        const double vK = ko.at("Viability", 24), vD = dfo.at("Viability", 24);
        qInfo().noquote() << "claim 32: 5-ALA-PDT (6 J/cm² at 4 h) V(24 h): non-CSC" << num(vN) << ", CSC" << num(vC)
                          << ", CSC + Ko143" << num(vK) << ", CSC + DFO" << num(vD) << "; PpIX(4 h) non"
                          << num(non.at("PpIX", 4)) << "CSC" << num(csc.at("PpIX", 4));
        QVERIFY2(vC > vN + 0.1, msg(QString("viability CSC %1 !> non-CSC %2 + 0.1").arg(vC).arg(vN)));
        QVERIFY2(vK < vC - 0.1, msg(QString("CSC + Ko143 %1 !< CSC %2 - 0.1").arg(vK).arg(vC)));
        QVERIFY2(vD < vC - 0.05, msg(QString("CSC + DFO %1 !< CSC %2 - 0.05").arg(vD).arg(vC)));
    }

    // ------------------------------------------------------------------ supporting checks

    void supportS2_alaInducesHemeAndHo1()
    {
        for (const char *phen : kPhenotypes) {
            RUN(ctrl, phenotype(phen).until(8));
            RUN(ala, phenotype(phen).input("ALA_ext", 1000).until(8));
            const double h0 = ctrl.at("Heme", 8), h1 = ala.at("Heme", 8);
            const double o0 = ctrl.at("HO1", 8), o1 = ala.at("HO1", 8);
            qInfo().noquote() << "S2:" << phen << "5-ALA 1 mM 8 h: Heme" << arrow(h0, h1) << "; HO-1 ×" << num(o1 / o0);
            QVERIFY2(h1 > h0, msg(QString("%1: Heme %2 !> control %3").arg(phen).arg(h1).arg(h0)));
            QVERIFY2(o1 > o0, msg(QString("%1: HO1 %2 !> control %3").arg(phen).arg(o1).arg(o0)));
        }
    }

    void supportS3_noDrugNoDeath()
    {
        const auto &runner = m_h.runner();
        const int kfd = runner.model().parameterIndex("K_fd");
        QVERIFY2(kfd >= 0, "the model has no death threshold K_fd");
        for (const char *phen : kPhenotypes) {
            auto resolved = runner.resolve(claims::toScenario(phenotype(phen)));
            QVERIFY2(resolved.ok(), qPrintable(QString::fromStdString(resolved.errorText())));
            const double threshold = resolved->baseParameters[std::size_t(kfd)];
            RUN(tr, phenotype(phen).until(72, 720));   // 6-min rows
            double maxLooh = 0, minV = 1;
            for (std::size_t r = 0; r < tr.times.size(); ++r) {
                maxLooh = std::max(maxLooh, tr.value(r, "LOOH"));
                minV = std::min(minV, tr.value(r, "Viability"));
            }
            qInfo().noquote() << "S3:" << phen << "no drug 0-72 h: max LOOH" << num(maxLooh) << "(threshold K_fd"
                              << num(threshold) << "), min viability" << num(minV);
            QVERIFY2(maxLooh < 0.1 * threshold,
                     msg(QString("%1: max LOOH %2 !< 10% of K_fd %3").arg(phen).arg(maxLooh).arg(threshold)));
            QVERIFY2(minV > 0.99, msg(QString("%1: min viability %2 !> 0.99").arg(phen).arg(minV)));
        }
    }
};

QTEST_GUILESS_MAIN(TestClaims)
#include "tst_claims.moc"
