#!/usr/bin/env python3
"""Generate resources/models/iron_csc.json (the built-in Ferroscope project) from MODEL.md 1.0.

The JSON file is the committed source of truth; this script is how it was produced and how to
regenerate it after an edit of MODEL.md. Standard library only.

    python3 resources/models/tools/gen_iron_csc.py            # writes ../iron_csc.json
    python3 resources/models/tools/check_iron_csc.py          # checks it against MODEL.md §3.5

Modelling conventions (see the header of the generated file's "title"):
* every pool is per cell volume, so all compartments have size 1 and amounts == concentrations;
* every rate law of MODEL.md §3 is one reaction (two-flux rows are split with suffixes);
* derived quantities and readouts are parameters with assignment rules;
* helper functions get every constant as an argument (SBML functions cannot see globals).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "iron_csc.json")

DL = "dimensionless"


def ev(explanation="", seed="", fig="", sources="", est=False, units="", cat=""):
    return {"explanation": explanation, "seedRefs": seed, "figure": fig, "sources": sources,
            "estimated": est, "units": units, "category": cat}


# ---------------------------------------------------------------------------------------------
# Helper functions (MODEL.md §1.1)
# ---------------------------------------------------------------------------------------------
FUNCTIONS = [
    ("hill", "Hill activation", ["x", "K", "n"], "max(x, 0)^n/(K^n + max(x, 0)^n)",
     "A sigmoidal switch that rises from 0 to 1 as x passes K; n sets how steep the switch is. "
     "Negative x (numerical round-off) counts as 0, exactly as MODEL.md's '0 if x <= 0', without a "
     "discontinuity the solver would have to find."),
    ("act", "normalised saturating activation", ["x", "w", "K"], "(1 - w) + w*x*(1 + K)/(x + K)",
     "Scales a synthesis rate by a regulator x that is normalised to 1 in the non-CSC steady state: "
     "the factor is 1 at x = 1, 1 - w with no regulator and at most 1 + w*K when the regulator is high. "
     "w is how strongly the gene depends on the regulator (e.g. NRF2), K (usually K_act = 3) how far it can be induced."),
    ("rep", "IRE translational repression", ["x", "c", "h"], "(1 + c)/(1 + c*x^h)",
     "Translational repression of an mRNA with a 5' iron-responsive element (ferritin, ferroportin, CD133): "
     "when IRP activity x rises (low iron) the IRPs sit on the IRE and block translation. The factor equals 1 "
     "at the normal IRP activity x = 1; c = c_rep and h = h_rep are passed explicitly."),
    ("stab", "IRE mRNA stabilisation", ["x", "b", "h"], "(b + x^h)/(b + 1)",
     "IRPs bound to the 3' IREs of the TFR1 mRNA protect it from degradation, so more IRP activity x "
     "(low iron) means more receptor. The factor equals 1 at x = 1 and b/(b+1) with no IRP activity "
     "(b = b_tfr, h = h_tfr)."),
    ("inh", "fractional drug inhibition", ["D", "IC50"], "D/(D + IC50)",
     "Fraction of a target blocked by a drug at medium concentration D: half at D = IC50, "
     "approaching 1 at high dose. Models use 1 - inh(D, IC50) as the remaining activity."),
]

# ---------------------------------------------------------------------------------------------
# Compartments (MODEL.md §1.2)
# ---------------------------------------------------------------------------------------------
COMPARTMENTS = [
    ("EXT", "extracellular medium", "Fig. 1",
     "The culture medium: holo-transferrin, hyaluronate-bound iron, hepcidin, cystine, oxygen, 5-ALA and "
     "drugs live here as inputs (parameters), not as state variables. Its size is 1 because every pool in "
     "the model is expressed per cell volume."),
    ("MEM", "plasma membrane", "Fig. 1",
     "Holds the membrane proteins (TFR1, ferroportin, System Xc-, CD44, CD44v, CD133, ABCG2) and the "
     "membrane lipid hydroperoxides. Amounts are µM-equivalents per cell volume, so the size is 1."),
    ("END", "endosome / lysosome", "Fig. 1",
     "Acidified endosomes where iron leaves transferrin and is reduced by STEAP3, and lysosomes where "
     "ferritin is digested. Lysosomal iron is redox-active and can drive lipid peroxidation."),
    ("CYT", "cytoplasm", "Fig. 1, Fig. 2",
     "The cytosol with the labile iron pool, ferritin, the IRPs, glutathione and the heme pathway "
     "intermediates (PpIX is pooled with the cytoplasm)."),
    ("MITO", "mitochondrion", "Fig. 1, Fig. 2",
     "Imports iron through mitoferrin for iron-sulfur clusters and heme; ferrochelatase (FECH) inserts "
     "iron into PpIX here, and ALA synthase 1 starts heme synthesis here."),
    ("NUC", "nucleus", "Fig. 1",
     "Transcription factors (NRF2, HIF-1α) and the iron-dependent epigenetic enzymes that the model "
     "summarises as the Epi activity and the Stem score."),
    ("CELL", "whole cell", "Fig. 1, Fig. 2",
     "Bookkeeping compartment for whole-cell quantities that are not molecules: the ferroptosis survival "
     "fraction V and the accumulated photodynamic dose PDT."),
]

# ---------------------------------------------------------------------------------------------
# Species (MODEL.md §2): id, name, compartment, nonCSC ss, units, category, figure, seedRefs,
# sources, explanation
# ---------------------------------------------------------------------------------------------
SPECIES = [
    ("TfR1", "transferrin receptor 1", "MEM", 0.100, "µM", "iron", "Fig. 1", "[3,4,7,8,9]", "{MM13}",
     "Transferrin receptor 1 binds iron-loaded transferrin at the cell surface and carries it into the cell by "
     "endocytosis, then recycles. It is the main iron entry route, and the only iron protein found raised in CSCs of "
     "every cancer studied. In the model its synthesis rises when IRPs are active (low iron) and with HIF-1α."),
    ("Fe3_endo", "endosomal Fe³⁺", "END", 0.060, "µM", "iron", "Fig. 1", "[7]", "",
     "Ferric iron released from transferrin inside the acidified endosome after receptor-mediated endocytosis. "
     "In the model it is reduced to Fe²⁺ by STEAP3 within minutes."),
    ("Fe2_endo", "endosomal Fe²⁺", "END", 0.060, "µM", "iron", "Fig. 1", "[7]", "",
     "Ferrous iron made by the STEAP3 ferrireductase in the endosome, waiting for DMT1 to move it into the "
     "cytosol. Salinomycin diverts it into lysosomes instead."),
    ("LIP", "labile iron pool", "CYT", 0.800, "µM", "iron", "Fig. 1", "[2,6,49]", "{Ep97, Ca14}",
     "Loosely bound, chelatable Fe²⁺ in the cytosol: the iron the cell can use right away and the iron that "
     "feeds Fenton chemistry. It is the central sensor of the model: the IRPs, NCOA4, PHDs and the TET/JmjC "
     "demethylases all read it. CSCs keep a larger LIP than non-CSCs."),
    ("FT", "ferritin shells", "CYT", 0.0100, "µM", "iron", "Fig. 1", "[3,8,9,53]", "{DD09}",
     "Ferritin 24-mer protein shells (H/L-ferritin) that store iron safely as a mineral core of up to 4500 atoms. "
     "Their translation is repressed by IRPs when iron is low; they are broken down in the proteasome and, via "
     "NCOA4 ferritinophagy, in lysosomes. CSCs make more ferritin."),
    ("FtFe", "ferritin iron", "CYT", 10.2, "µM", "iron", "Fig. 1", "[3,4,53]", "{DD09}",
     "Iron stored inside ferritin shells; the largest iron pool of the cell. It is loaded from the LIP and "
     "released when ferritin is degraded, so ferritin buffers free iron and restrains ferroptosis."),
    ("Fe_lys", "lysosomal iron", "END", 0.381, "µM", "iron", "Fig. 1", "[4,41]", "{Ma17}",
     "Redox-active iron inside lysosomes, coming from ferritin digestion (ferritinophagy), CD44-hyaluronate "
     "iron uptake and endosomal iron. Salinomycin traps iron here, where it drives lipid peroxidation."),
    ("FPN", "ferroportin 1", "MEM", 0.0500, "µM", "iron", "Fig. 1", "[6,10,43]", "{Ne04}",
     "Ferroportin 1 is the only known cellular iron exporter. Hepcidin makes it internalise and degrade; its mRNA "
     "has an IRE, so it is repressed when iron is low. CSCs express less ferroportin and so retain iron."),
    ("IRP1", "active IRP1", "CYT", 0.305, "µM", "iron", "Fig. 1", "[13,15]", "{Ch12, MM13}",
     "The RNA-binding (apo) form of iron regulatory protein 1. When iron is scarce it loses its iron-sulfur "
     "cluster and binds IREs, raising TfR1 and lowering ferritin, ferroportin and CD133 translation."),
    ("IRP2", "IRP2", "CYT", 0.102, "µM", "iron", "Fig. 1", "[13,14]", "{MM13}",
     "Iron regulatory protein 2: induced by c-Myc and degraded by the iron-sensing FBXL5 ligase when iron is "
     "high. It is the stronger IRE binder in many cells."),
    ("Fe_mito", "mitochondrial iron", "MITO", 0.502, "µM", "iron", "Fig. 1, Fig. 2", "[5,70]", "{Ha15}",
     "Iron imported into mitochondria by mitoferrin for iron-sulfur clusters and for heme. It is the iron "
     "substrate of ferrochelatase, so it controls how fast PpIX is turned into heme."),
    ("CD133", "prominin-1", "MEM", 0.0500, "µM", "stemness", "Fig. 1", "[15]", "",
     "A stem-cell surface marker whose mRNA carries an IRE repressed by IRP1. CD133 helps transferrin endocytosis, "
     "forming a CD133-transferrin-iron network that feeds iron uptake in CSCs."),
    ("CD44", "CD44 (standard)", "MEM", 0.0500, "µM", "stemness", "Fig. 1", "[41]", "",
     "The hyaluronate receptor CD44 brings hyaluronate-bound iron into cells by endocytosis. Its transcription is "
     "switched on by iron-dependent demethylases, a positive loop that favours iron uptake in CSCs."),
    ("ROS", "cytosolic ROS", "CYT", 0.0200, "µM", "redox", "Fig. 1", "[6,17,49]", "",
     "Reactive oxygen species lumped as hydrogen-peroxide equivalents. With Fe²⁺ they form hydroxyl radicals "
     "(Fenton reaction) that start lipid peroxidation; NRF2-controlled enzymes clear them."),
    ("LOOH", "lipid hydroperoxides", "MEM", 0.0175, "µM", "redox", "Fig. 1", "[49,50,51,57]", "{Ko20}",
     "Oxidised polyunsaturated membrane phospholipids ('lipid ROS'), the executioners of ferroptosis. Iron makes "
     "them propagate (autocatalysis) and GPX4 with glutathione removes them; above a threshold cells die."),
    ("GSH", "glutathione", "CYT", 3002, "µM", "redox", "Fig. 1", "[57,58]", "{Re08}",
     "Reduced glutathione, the main cellular thiol antioxidant and the cofactor GPX4 needs to detoxify lipid "
     "hydroperoxides. It is made from cysteine, which comes from cystine imported by System Xc-."),
    ("Cys", "cysteine", "CYT", 49.9, "µM", "redox", "Fig. 1", "[57,58]", "{Re08}",
     "Intracellular cysteine, made by reducing the cystine imported through System Xc- (one cystine gives two "
     "cysteines). It is the rate-limiting building block of glutathione."),
    ("xCT", "SLC7A11 / System Xc⁻", "MEM", 0.100, "µM", "redox", "Fig. 1", "[54,57,58]", "{Is11}",
     "The cystine/glutamate antiporter subunit SLC7A11, the target of erastin and sulfasalazine. It is an NRF2 "
     "target and is stabilised at the membrane by CD44v."),
    ("CD44v", "CD44 variant", "MEM", 0.0500, "µM", "redox", "Fig. 1", "[58,61,62]", "{Is11}",
     "A CD44 splice variant found on CSCs that binds and stabilises xCT, raising cystine uptake and glutathione "
     "and so suppressing ferroptosis."),
    ("GPX4", "glutathione peroxidase 4", "CYT", 0.500, "µM", "redox", "Fig. 1", "[57,59,60]", "{Ya14}",
     "The selenoenzyme that reduces membrane lipid hydroperoxides to harmless alcohols using glutathione; "
     "the central guard against ferroptosis. RSL3 inactivates it."),
    ("NRF2", "nuclear NRF2", "NUC", 0.0200, "µM", "redox", "Fig. 1", "[54,55,56]", "{NRF}",
     "The antioxidant master transcription factor. KEAP1 normally destroys it within minutes; oxidants and "
     "lipid electrophiles block KEAP1, so NRF2 builds up and induces xCT, GSH synthesis, GPX4, ferritin, "
     "ferroportin, HO-1 and ABCG2. CSCs have more NRF2."),
    ("V", "ferroptosis survival", "CELL", 1, DL, "phenotype", "Fig. 1", "[50,51]", "",
     "Fraction of cells that have not died by ferroptosis (starts at 1). It falls only while lipid hydroperoxides "
     "are above the death threshold, and death is irreversible."),
    ("ALA", "5-aminolevulinic acid", "CYT", 25.9, "µM", "heme", "Fig. 2", "[63,64,65,66]", "",
     "Intracellular 5-aminolevulinic acid, the first committed heme precursor. It is made by ALAS1 or taken up "
     "from the medium when 5-ALA is given for photodynamic diagnosis or therapy; eight ALA make one PpIX."),
    ("ALAS1", "ALA synthase 1", "MITO", 0.0100, "µM", "heme", "Fig. 2", "", "",
     "The mitochondrial enzyme that makes ALA from succinyl-CoA and glycine; the rate-limiting step of heme "
     "synthesis, shut down by heme. Exogenous 5-ALA bypasses this control, which is why PpIX piles up."),
    ("PpIX", "protoporphyrin IX", "CYT", 0.0657, "µM", "heme", "Fig. 2", "[5,63,64,65]", "",
     "Protoporphyrin IX, the last heme precursor and a fluorescent photosensitiser: its red fluorescence is "
     "used to detect tumour cells (PDD) and light makes it produce singlet oxygen (PDT). CSCs accumulate less. "
     "Mitochondrial and cytosolic PpIX are pooled in the model."),
    ("Heme", "free/regulatory heme", "CYT", 0.104, "µM", "heme", "Fig. 2", "[5]", "",
     "Newly made heme not yet built into hemoproteins. It represses ALAS1, induces HO-1 and inhibits "
     "ferrochelatase; HO-1 breaks it down and returns its iron to the labile pool."),
    ("HO1", "heme oxygenase 1", "CYT", 0.0500, "µM", "heme", "Fig. 2", "[5]", "{MM13}",
     "Heme oxygenase 1 degrades heme to biliverdin, CO and Fe²⁺. It is induced by NRF2 and by heme and is high "
     "in glioma CSCs, where it pulls the PpIX-to-heme pathway forward and lowers PpIX."),
    ("ABCG2", "ABCG2/BCRP", "MEM", 0.0500, "µM", "heme", "Fig. 2", "[67,68,69]", "{Ka19}",
     "An ATP-driven efflux pump that expels PpIX from the cell. CSCs are enriched in the ABCG2-high population, "
     "which lowers PpIX fluorescence; Ko143 blocks it."),
    ("PDT", "photodynamic dose", "CELL", 0, "µM·J/cm²", "heme", "Fig. 2", "[63]", "",
     "The accumulated photodynamic dose: the integral of PpIX times light fluence rate. Survival after "
     "photodynamic therapy falls exponentially with this dose."),
    ("HIF1a", "HIF-1α", "NUC", 0.0100, "µM", "stemness", "Fig. 1", "[44,45,47]", "{QP06}",
     "Hypoxia-inducible factor 1α, destroyed within minutes by prolyl hydroxylases that need Fe²⁺ and O₂. "
     "Iron chelation or hypoxia stabilise it; it raises TfR1 and supports stemness."),
    ("Epi", "TET/JmjC activity", "NUC", 0.444, DL, "stemness", "Fig. 1", "[17,18,19,23,24,42]", "",
     "Relative activity of the Fe²⁺-dependent TET DNA demethylases and JmjC histone demethylases. It follows "
     "the labile iron with a delay of about 10 h; chelators lower it."),
    ("Stem", "stemness score", "NUC", 0.441, DL, "stemness", "Fig. 1", "[6,17,18,19,22,47]", "",
     "A phenomenological self-renewal score between 0 and 1 driven by the iron-dependent epigenetic activity, "
     "HIF-1α and non-iron stemness circuits (m_stem). It relaxes over about a day."),
]
SPECIES_IDS = [s[0] for s in SPECIES]

# ---------------------------------------------------------------------------------------------
# Parameters (MODEL.md §4 plus inputs §6.2, phenotype multipliers §5.1, gene multipliers §6.1).
# (id, value, units, name, category, sources, seedRefs, estimated, explanation)
# ---------------------------------------------------------------------------------------------
P = []


def par(pid, value, units, name, cat, sources="", seed="", est=False, expl=""):
    P.append((pid, value, units, name, cat, sources, seed, est, expl))


# --- 4.1 inputs and iron module
par("TfFe_ext", 0.5, "µM", "holo-Tf in medium (reference)", "iron", "MODEL.md §4.1", "", True,
    "Diferric transferrin in 10% serum medium (serum Tf 25-45 µM, ~30% saturated, diluted 10x). The default of the TfFe input.")
par("K_Tf", 0.5, "µM", "TfR1 loading half-saturation", "iron", "{MM13}", "", True,
    "Effective holo-Tf concentration that half-loads TfR1, including competition by apo-Tf.")
par("HAFe_ext", 0.2, "µM", "hyaluronate-bound iron", "iron", "", "[41]", True,
    "Hyaluronate-bound iron available to CD44-mediated endocytosis.")
par("Cyss_ext", 200, "µM", "medium cystine", "redox", "DMEM formulation", "", False,
    "Cystine concentration in DMEM, the substrate of System Xc-.")
par("O2_ref", 150, "µM", "reference O₂", "stemness", "MODEL.md §4.1", "", False,
    "Normoxic medium O₂; the PHD activity factor o2f is 1 at this value.")
par("Hep", 2, "nM", "basal hepcidin (reference for s_FPN)", "iron", "{MM13}", "[11,12]", False,
    "Default hepcidin used to set the ferroportin synthesis constant so that FPN sits at FPN_ref; distinct from the HEP input.")
par("LIP_ref", 0.8, "µM", "reference LIP", "iron", "{Ep97, Ca14, K562}", "", False,
    "Non-CSC labile iron, within the 0.5-1.5 µM calcein range; used to normalise PHD and ferritinophagy terms.")
par("k_cyc", 6, "/h", "TfR1 cycling rate", "iron", "{TfR92, BB82}", "[7]", False,
    "Rate at which a receptor completes an endocytosis cycle: about 10%/min internalisation, 3-20 min recycling.")
par("n_Fe", 4, "Fe/cycle", "iron per receptor cycle", "iron", "stoichiometry", "[7]", False,
    "Two diferric transferrins per TfR1 dimer deliver four iron atoms per cycle.")
par("TfR1_ref", 0.10, "µM", "reference TfR1", "iron", "{MM13}", "", True,
    "About 1.2e5 receptor dimers per 2 pL cell; the non-CSC steady state.")
par("k_tfr", 0.03, "/h", "TfR1 turnover", "iron", "{MM13}", "", False,
    "Receptor degradation, half-life about 23 h (8.37e-6 /s in {MM13}).")
par("b_tfr", 0.3, DL, "TfR1 mRNA stabilisation basal term", "iron", "", "", True,
    "Shape of IRE-dependent TfR1 mRNA stabilisation; DFO raises TfR1 about 1.6x within 24 h.")
par("h_tfr", 1, DL, "TfR1 mRNA stabilisation Hill exponent", "iron", "", "", True,
    "Steepness of IRE-dependent TfR1 mRNA stabilisation.")
par("k_steap3", 20, "/h", "STEAP3 reduction rate", "iron", "", "[7]", True,
    "Endosomal Fe3+ reduction takes minutes (Tf cycle about 10 min).")
par("k_dmt1", 20, "/h", "DMT1 export rate", "iron", "", "[7]", True,
    "Endosomal Fe2+ leaves through DMT1 within minutes.")
par("FT_ref", 0.010, "µM", "reference ferritin shells", "iron", "", "", True,
    "Chosen so that non-CSC ferritin holds about 1000 Fe per shell (10 µM stored iron).")
par("Ft_cap", 4500, "Fe/shell", "ferritin capacity", "iron", "{DD09}", "", False,
    "Maximum iron atoms per ferritin 24-mer.")
par("k_ftin", 120, "/(µM·h)", "ferritin loading rate constant", "iron", "{MM13}", "", True,
    "Lumped iron binding, ferroxidation and mineralisation by H-ferritin.")
par("k_ftrel", 0.005, "/h", "ferritin iron release", "iron", "", "", True,
    "Slow non-degradative release of stored iron.")
par("k_ft", 0.01, "/h", "proteasomal ferritin turnover", "iron", "{MM13}", "", True,
    "Proteasomal share of ferritin degradation; iron is returned to the LIP.")
par("k_phag0", 0.02, "/h", "basal ferritinophagy", "iron", "{SM18}", "", True,
    "NCOA4-mediated lysosomal ferritin degradation at high iron.")
par("k_phag_max", 0.06, "/h", "iron-starvation ferritinophagy", "iron", "{SM18, DD09}", "[4]", True,
    "Extra ferritinophagy when iron is low (NCOA4 stabilised); rises about 2.2x under DFO.")
par("K_ncoa4", 0.3, "µM", "NCOA4 iron sensitivity", "iron", "{SM18}", "", True,
    "LIP at which the iron-starvation part of ferritinophagy is halved.")
par("mu", 0.03, "/h", "growth dilution rate", "iron", "MODEL.md §1 (doubling about 23 h)", "", False,
    "Dilution of stored ferritin iron by cell growth; makes storage a true sink.")
par("k_lysout", 1.0, "/h", "lysosomal iron efflux", "iron", "", "[4]", True,
    "Lysosomal iron turns over within about 1 h; salinomycin blocks the efflux.")
par("k_cd44", 10, "/(µM·h)", "CD44-HA iron uptake", "iron", "", "[41]", True,
    "Gives CD44-hyaluronate iron about 8% of total iron uptake; raise it for a major CD44 route.")
par("CD44_ref", 0.05, "µM", "reference CD44", "stemness", "", "[41]", True, "Non-CSC CD44 level.")
par("k_cd44d", 0.05, "/h", "CD44 turnover", "stemness", "", "", True, "CD44 protein turnover.")
par("wE_cd44", 0.5, DL, "demethylase dependence of CD44", "stemness", "", "[41]", True,
    "How strongly CD44 transcription depends on iron-dependent demethylase activity.")
par("FPN_ref", 0.05, "µM", "reference ferroportin", "iron", "", "", True, "Non-CSC ferroportin level.")
par("k_fpn", 0.035, "/h", "ferroportin turnover", "iron", "", "", True, "Basal ferroportin turnover, half-life about 20 h.")
par("kcat_fpn", 20, "/h", "ferroportin export turnover", "iron", "{MM13}", "[7]", True,
    "Export is about 20% of iron influx in non-CSCs.")
par("Km_fpn", 2, "µM", "ferroportin Km for LIP", "iron", "{MM13}", "", True, "µM-scale affinity as in {MM13}.")
par("k_hep", 0.83, "/h", "hepcidin-induced FPN degradation", "iron", "{MM13, Ne04}", "[6]", False,
    "Maximal extra ferroportin loss with hepcidin (2.315e-4 /s).")
par("K_hep", 5, "nM", "hepcidin half-effect", "iron", "{MM13}", "", False, "Hepcidin giving half-maximal FPN internalisation.")
par("n_hep", 2, DL, "hepcidin Hill exponent", "iron", "{Ne04}", "", True,
    "Lowered from 5 in {MM13} to 2 so sliders respond smoothly.")
par("CP", 1, DL, "ceruloplasmin activity", "iron", "", "[7]", True, "Relative ferroxidase (ceruloplasmin) activity.")
par("w_cp", 0.5, DL, "ferroxidase-dependent share of export", "iron", "", "[7]", True,
    "Half of ferroportin efflux depends on ferroxidase.")
par("IRP1_tot", 0.5, "µM", "total IRP1", "iron", "{Ch12}", "", True, "Holo + apo IRP1.")
par("k_irp1", 0.5, "/h", "IRP1 switching rate", "iron", "", "", True, "Fe-S cluster switching takes hours.")
par("K_irp1", 1, "µM", "IRP1 iron sensitivity", "iron", "{MM13}", "", False, "LIP at which half of IRP1 is apo (RNA-binding).")
par("n_irp", 2, DL, "IRP Hill exponent", "iron", "{Ch12}", "", True, "Steepness of iron sensing by IRP1 and FBXL5.")
par("s_irp2", 0.03, "µM/h", "IRP2 synthesis", "iron", "", "[14]", True, "Basal IRP2 synthesis (c-Myc driven).")
par("k_irp2_0", 0.06, "/h", "basal IRP2 decay", "iron", "{MM13}", "", False, "IRP decay 1.6e-5 /s (0.057 /h) in {MM13}.")
par("k_irp2_fe", 0.6, "/h", "FBXL5 iron-dependent IRP2 decay", "iron", "", "", True, "Maximal iron-triggered IRP2 degradation.")
par("K_irp2", 1, "µM", "FBXL5 iron sensitivity", "iron", "", "", True, "LIP giving half-maximal FBXL5 activity.")
par("w_irp2", 2, DL, "IRP2 weight in IRE binding", "iron", "", "", True, "IRP2 dominates IRE binding in many cells.")
par("IRP_ref", 0.5089, "µM", "reference combined IRP activity", "iron", "MODEL.md §4.1 (non-CSC steady state, analytic)", "", False,
    "IRP1 + w_irp2·IRP2 at the non-CSC steady state.")
par("IRP1_ref", 0.3049, "µM", "reference IRP1", "iron", "MODEL.md §4.1 (non-CSC steady state, analytic)", "", False,
    "Active IRP1 at the non-CSC steady state.")
par("c_rep", 1, DL, "IRE repression strength", "iron", "", "[13]", True, "Shape of IRE translational repression.")
par("h_rep", 1, DL, "IRE repression exponent", "iron", "", "[13]", True, "Steepness of IRE translational repression.")
par("V_mfrn", 2.82, "µM/h", "mitoferrin import capacity", "iron", "{Ha15}", "", True, "Calibrated so that non-CSC LIP = 0.8 µM.")
par("Km_mfrn", 2, "µM", "mitoferrin Km", "iron", "", "", True, "LIP giving half-maximal mitochondrial import.")
par("k_fes", 1.2, "/h", "mitochondrial iron use", "iron", "{MM13}", "", True, "Fe-S and other iron use plus dilution; same order as the LIP outflow of {MM13}.")
par("CD133_ref", 0.05, "µM", "reference CD133", "stemness", "", "[15]", True, "Non-CSC CD133 level.")
par("k_cd133", 0.05, "/h", "CD133 turnover", "stemness", "", "[15]", True, "CD133 protein turnover.")
par("w_cd133", 0.2, DL, "CD133 boost of Tf endocytosis", "stemness", "", "[15]", True,
    "How strongly CD133 helps TfR1 endocytosis.")
par("k_DFO", 0.08, "/(µM·h)", "DFO chelation of LIP", "drug", "", "[25,26,27,28,29,30]", True,
    "100 µM DFO cuts LIP by about 75% (typical calcein data).")
par("k_DFO_lys", 0.05, "/(µM·h)", "DFO chelation of lysosomal iron", "drug", "", "", True,
    "DFO enters by endocytosis and chelates lysosomal iron.")
par("k_DFP", 0.10, "/(µM·h)", "DFP chelation", "drug", "", "[25,26,27,28,29,30]", True, "Deferiprone is more membrane-permeant.")
par("k_DFX", 0.5, "/(µM·h)", "DFX chelation", "drug", "", "[25,26,27,28,29,30]", True, "Deferasirox is used at 10-50 µM.")
par("k_Dp44mT", 40, "/(µM·h)", "Dp44mT chelation", "drug", "", "[31,32,33]", True, "Dp44mT acts at nanomolar doses.")
par("k_Dp_ros", 0.5, "µM/h per µM", "Dp44mT redox cycling", "drug", "", "[31,32,33]", True,
    "ROS made by redox-active Dp44mT-iron complexes.")
par("k_CUR", 0.04, "/(µM·h)", "curcumin chelation", "drug", "", "[34]", True, "Curcumin is a weak chelator.")
par("IC50_sal", 1.0, "µM", "salinomycin IC50", "drug", "{Ma17}", "[4]", True,
    "Salinomycin dose trapping half of endolysosomal iron export.")
par("K_ab", 1, "nM", "anti-TFR1 half-effect", "drug", "", "[39]", True, "Antibody concentration blocking half of Tf binding.")
par("k_abdeg", 0.1, "/h", "antibody-induced TfR1 loss", "drug", "", "[39]", True, "Extra receptor down-modulation by the antibody.")
par("IC50_yc1", 1, "µM", "YC-1 IC50", "drug", "", "[46]", True, "YC-1 suppresses HIF-1α at 1-10 µM.")

# --- 4.2 redox / ferroptosis
par("P_ros0", 2, "µM/h", "basal ROS production", "redox", "", "[6,17]", True, "Mitochondrial/NOX oxidant production; gives ROS ≈ 20 nM.")
par("k_ros", 100, "/h", "ROS clearance", "redox", "", "", True, "Lumped catalase/peroxiredoxin clearance.")
par("k_init", 4, "/(µM²·h)", "Fenton initiation of lipid peroxidation", "redox", "{Ko20}", "[49]", True, "Gives basal LOOH ≈ 0.02 µM.")
par("k_prop", 2.5, "/(µM·h)", "iron-catalysed propagation", "redox", "{Ko20}", "[50,51]", True,
    "Sets the ferroptosis threshold: runaway when GPX4 activity drops below ~20% or GSH below ~10-15%.")
par("L_max", 50, "µM", "oxidisable PUFA-PL capacity", "redox", "", "", True, "Caps the autocatalytic propagation.")
par("k_gpx4", 20, "/(µM·h)", "GPX4 catalytic constant", "redox", "{Ma16, Co04}", "[57]", True, "Ping-pong rate constant for LOOH reduction.")
par("K_gsh_gpx", 2000, "µM", "GPX4 GSH half-saturation", "redox", "{Ma16, Co04}", "", True, "GSH giving half-maximal GPX4 activity.")
par("k_loo0", 1, "/h", "GPX4-independent LOOH removal", "redox", "", "", True, "FSP1/CoQ10, vitamin E and other defences lumped.")
par("w_lys", 0.5, DL, "weight of lysosomal iron", "redox", "", "[4]", True, "Contribution of lysosomal iron to redox-active iron FeR.")
par("IC50_fer1", 0.06, "µM", "ferrostatin-1 EC50", "drug", "{Di12}", "", False, "Reported EC50 of ferrostatin-1 (about 60 nM).")
par("IC50_lip1", 0.02, "µM", "liproxstatin-1 EC50", "drug", "literature EC50 (about 20 nM; MODEL.md §4.2)", "", False, "Reported EC50 of liproxstatin-1.")
par("V_xc", 7000, "/h", "System Xc- turnover", "redox", "", "[57,58]", True, "Set so that GSH ≈ 3 mM.")
par("Km_xc", 80, "µM", "System Xc- cystine Km", "redox", "", "", True, "Cystine Km of tens to about 100 µM.")
par("xCT_ref", 0.10, "µM", "reference xCT", "redox", "", "", True, "Non-CSC xCT level.")
par("k_xct", 0.1, "/h", "xCT turnover", "redox", "{Is11}", "", True, "xCT half-life about 7 h (without CD44v).")
par("a_cd44v", 2, DL, "CD44v stabilisation of xCT", "redox", "{Is11}", "[58]", True, "Strength of xCT stabilisation by CD44v.")
par("CD44v_ref", 0.05, "µM", "reference CD44v", "redox", "", "[58]", True, "Non-CSC CD44v level.")
par("k_cd44v", 0.05, "/h", "CD44v turnover", "redox", "", "", True, "CD44v protein turnover.")
par("V_gcl", 5200, "µM/h", "GSH synthesis capacity", "redox", "{Re08}", "", True, "GCL/GSS capacity.")
par("Km_cys", 100, "µM", "GCL Km for cysteine", "redox", "{Re08}", "", True, "About 0.1 mM.")
par("Ki_gsh", 2300, "µM", "GSH feedback on GCL", "redox", "{Re08}", "", True, "GSH feedback inhibition in the mM range.")
par("k_cys", 5, "/h", "cysteine use", "redox", "", "", True, "Protein synthesis and cysteine efflux.")
par("k_gsh", 0.25, "/h", "GSH turnover", "redox", "{Di12, Ya14}", "", True, "Half-life about 2.8 h, so erastin halves GSH in about 3 h.")
par("IC50_era", 0.2, "µM", "erastin IC50 on xCT", "drug", "{Di14}", "[57]", True, "Erastin is sub-µM potent on System Xc-.")
par("IC50_sas", 100, "µM", "sulfasalazine IC50 on xCT", "drug", "", "[61]", True, "Sulfasalazine is weak (0.1-1 mM).")
par("GPX4_ref", 0.5, "µM", "reference GPX4", "redox", "", "", True, "Non-CSC GPX4 level.")
par("k_gpx4d", 0.05, "/h", "GPX4 turnover", "redox", "", "", True, "GPX4 protein turnover.")
par("k_rsl3", 1.0, "/h", "RSL3 inactivation of GPX4", "drug", "{Ya14}", "[57,59,60]", True, "Maximal covalent GPX4 inactivation.")
par("IC50_rsl3", 0.1, "µM", "RSL3 IC50", "drug", "{Ya14}", "", True, "RSL3 kills sensitive cells at 10-100 nM.")
par("NRF2_ref", 0.02, "µM", "reference NRF2", "redox", "", "", True, "Non-CSC nuclear NRF2.")
par("k_keap", 4, "/h", "KEAP1-mediated NRF2 degradation", "redox", "{NRF}", "", False, "Basal NRF2 half-life about 10 min.")
par("k_n0", 0.4, "/h", "KEAP1-independent NRF2 decay", "redox", "{NRF}", "", False, "Residual NRF2 turnover when KEAP1 is inactivated.")
par("K_rosN", 0.1, "µM", "ROS inactivation of KEAP1", "redox", "", "", True, "ROS level that inactivates KEAP1.")
par("K_loohN", 5, "µM", "LOOH inactivation of KEAP1", "redox", "", "", True, "Lipid electrophile level that inactivates KEAP1.")
par("IC50_ml385", 1.9, "µM", "ML385 IC50", "drug", "{Si16}", "[54,55,56]", False, "ML385 inhibits NRF2 with IC50 1.9 µM.")
par("K_act", 3, DL, "saturation of act()", "helper", "", "", True, "How far a regulator can induce a target above its basal level.")
par("wN_xct", 0.5, DL, "NRF2 dependence of xCT", "redox", "", "[54]", True, "SLC7A11 is an NRF2 target.")
par("wN_gcl", 0.6, DL, "NRF2 dependence of GSH synthesis", "redox", "", "", True, "GCLC/GCLM are NRF2 targets.")
par("wN_gpx4", 0.5, DL, "NRF2 dependence of GPX4", "redox", "", "", True, "GPX4 is partly NRF2-dependent.")
par("wN_ft", 0.3, DL, "NRF2 dependence of ferritin", "redox", "", "", True, "FTH1 is an NRF2 target.")
par("wN_ho", 0.8, DL, "NRF2 dependence of HO-1", "redox", "", "", True, "HMOX1 is the strongest NRF2 target.")
par("wN_fpn", 0.3, DL, "NRF2 dependence of ferroportin", "redox", "", "", True, "SLC40A1 is an NRF2 target.")
par("wN_abcg2", 0.3, DL, "NRF2 dependence of ABCG2", "redox", "", "", True, "ABCG2 is an NRF2 target.")
par("wN_ros", 0.5, DL, "NRF2 dependence of ROS clearance", "redox", "", "", True, "Antioxidant enzymes are NRF2-inducible.")
par("k_fd", 0.3, "/h", "maximal ferroptotic death rate", "redox", "", "[50,51]", True, "Death takes 4-12 h once LOOH passes 2 µM.")
par("K_fd", 2, "µM", "ferroptosis LOOH threshold", "redox", "", "[50,51]", True, "LOOH at which death pressure is half-maximal.")
par("n_fd", 4, DL, "ferroptosis threshold steepness", "redox", "", "", True, "Steepness of the death threshold.")
par("ROS_ref", 0.02, "µM", "reference ROS", "redox", "MODEL.md §4.2 (non-CSC steady state)", "", False, "Non-CSC steady-state ROS.")
par("LOOH_ref", 0.0175, "µM", "reference LOOH", "redox", "MODEL.md §4.2 (non-CSC steady state)", "", False, "Non-CSC steady-state LOOH.")

# --- 4.3 heme / PDT
par("V_alaup", 400, "µM/h", "5-ALA uptake capacity", "heme", "", "[63,64,65,66]", True, "1 mM 5-ALA gives µM PpIX within hours.")
par("K_alaup", 2000, "µM", "5-ALA uptake Km", "heme", "", "", True, "PEPT/BETA transporters work in the mM range.")
par("k_ala_out", 0.05, "/h", "ALA efflux", "heme", "", "", True, "Efflux/leak of intracellular ALA.")
par("ALAS1_ref", 0.01, "µM", "reference ALAS1", "heme", "", "", True, "Non-CSC ALAS1 level.")
par("k_alas1", 0.7, "/h", "ALAS1 turnover", "heme", "", "", True, "Short-lived mitochondrial enzyme, half-life about 1 h.")
par("kcat_alas", 320, "/h", "ALAS1 turnover number", "heme", "", "", True, "Basal ALA synthesis 3.2 µM/h (about 0.4 µM heme/h).")
par("Ki_heme_alas", 0.1, "µM", "heme repression of ALAS1", "heme", "", "", True, "Heme feedback constant (Fig. 2).")
par("n_alas", 2, DL, "heme repression exponent", "heme", "", "", True, "Steepness of heme feedback on ALAS1.")
par("V_pbgd", 3, "µM/h", "ALA-to-PpIX capacity", "heme", "{Ju99}", "", True, "PBGD is rate-limiting.")
par("Km_ala", 300, "µM", "ALAD Km", "heme", "", "", True, "About 0.3 mM.")
par("kcat_fech", 15, "µM/h", "ferrochelatase capacity", "heme", "{Ha15}", "[5,70]", True, "FECH is iron-limited under an ALA load.")
par("Km_fech_p", 1, "µM", "FECH Km for PpIX", "heme", "", "", True, "Ferrochelatase affinity for PpIX.")
par("Km_fech_fe", 1, "µM", "FECH Km for iron", "heme", "{Ha15}", "", True, "Ferrochelatase affinity for mitochondrial iron.")
par("Ki_fech_heme", 0.2, "µM", "heme product inhibition of FECH", "heme", "", "", True, "Strength of heme product inhibition.")
par("k_heme_use", 1, "/h", "heme incorporation", "heme", "", "", True, "Heme use for cytochromes and export.")
par("HO1_ref", 0.05, "µM", "reference HO-1", "heme", "", "", True, "Non-CSC HO-1 level.")
par("k_ho", 0.1, "/h", "HO-1 turnover", "heme", "{MM13}", "", False, "HO-1 half-life about 6-7 h.")
par("kcat_ho", 40, "/h", "HO-1 turnover number", "heme", "", "[5]", True, "HO-1 removes about half of free heme in non-CSCs.")
par("Km_ho", 2, "µM", "HO-1 Km", "heme", "{MM13}", "", False, "HO-1 Km for heme (2 µM).")
par("wH_ho", 0.3, DL, "heme induction of HO-1", "heme", "", "[5]", True, "Strength of heme (BACH1) induction of HO-1.")
par("KH_ho", 20, DL, "heme induction saturation", "heme", "", "", True, "Saturation constant of heme induction (act K).")
par("Heme_ref", 0.1042, "µM", "reference heme", "heme", "MODEL.md §4.3 (non-CSC steady state)", "", False, "Non-CSC steady-state free heme.")
par("IC50_znpp", 1, "µM", "ZnPP IC50 on HO-1", "drug", "", "[5]", True, "Zinc protoporphyrin inhibits HO-1.")
par("IC50_fechi", 1, "µM", "FECH inhibitor IC50", "drug", "", "[70]", True, "e.g. N-methyl-PpIX.")
par("ABCG2_ref", 0.05, "µM", "reference ABCG2", "heme", "", "", True, "Non-CSC ABCG2 level.")
par("k_abcg2", 0.05, "/h", "ABCG2 turnover", "heme", "", "", True, "ABCG2 protein turnover.")
par("kcat_abcg2", 20, "/h", "ABCG2 turnover number", "heme", "{Ka19}", "[69]", True, "Ko143 raises CSC PpIX about 3x.")
par("Km_abcg2", 2, "µM", "ABCG2 Km for PpIX", "heme", "", "", True, "ABCG2 affinity for PpIX.")
par("IC50_ko143", 0.01, "µM", "Ko143 IC50", "drug", "{Ka19}", "[69]", True, "Ko143 is nM-potent.")
par("k_ppix_out", 0.05, "/h", "passive PpIX loss", "heme", "", "", True, "Passive PpIX leak.")
par("beta_bleach", 0.05, "per J/cm²", "PpIX photobleaching", "heme", "", "", True, "PpIX photobleaching e-folds over about 20 J/cm².")
par("k_pdt_ros", 0.5, "µM/h per (µM·mW/cm²)", "photodynamic ROS yield", "heme", "", "[63]", True, "ROS produced by illuminated PpIX.")
par("D0_pdt", 10, "µM·J/cm²", "PDT lethal dose", "heme", "", "[63]", True, "6 J/cm² after 1 mM ALA for 4 h kills about 65% of non-CSCs.")

# --- 4.4 HIF / epigenetics / stemness
par("HIF_ref", 0.01, "µM", "reference HIF-1α", "stemness", "", "", True, "Non-CSC HIF-1α level.")
par("k_hif0", 0.3, "/h", "PHD-independent HIF-1α decay", "stemness", "{QP06}", "", False, "Residual HIF-1α turnover.")
par("k_phd", 10, "/h", "PHD-dependent HIF-1α decay", "stemness", "{QP06}", "[44,45]", False, "Normoxic half-life about 9 min.")
par("Km_phd_fe", 1.0, "µM", "PHD iron Km", "stemness", "{QP06}", "", True, "Iron dependence of PHD in cells.")
par("Km_phd_o2", 100, "µM", "PHD O₂ Km", "stemness", "{QP06}", "", True, "O₂ Km of PHD2 is around 100 µM or more.")
par("wH_tfr", 0.3, DL, "HIF dependence of TfR1", "stemness", "", "[44,45]", True, "TfR1 is a HIF target.")
par("k_epi", 0.1, "/h", "epigenetic relaxation rate", "stemness", "", "[23,24]", True, "Epigenetic changes take about 10 h.")
par("K_tet", 1, "µM", "TET/JmjC iron half-saturation", "stemness", "", "[17,18,19]", True, "LIP half-activating the demethylases.")
par("Epi_ref", 0.4444, DL, "reference Epi", "stemness", "MODEL.md §4.4 (non-CSC steady state)", "", False, "Non-CSC steady-state demethylase activity.")
par("k_stem", 0.05, "/h", "stemness relaxation rate", "stemness", "", "", True, "Phenotype drifts over about a day.")
par("K_stem", 0.5, DL, "stemness half-activation", "stemness", "", "", True, "Drive X giving half-maximal stemness.")
par("w_hif_stem", 0.3, DL, "HIF dependence of stemness", "stemness", "", "[47]", True, "Contribution of HIF-1α to the stemness drive.")

# --- inputs (MODEL.md §6.2); defaults: 0 except HEP 2 nM, TfFe 0.5 µM, O2 150 µM.
# (id, name, unit, min, max, dose, default, term, seedRefs, sources, explanation)
INPUTS = [
    ("DFO", "deferoxamine (DFO)", "µM", 10, 200, 100, 0, "R23, R24", "[3,5,25,26,27,28,29,30,44,45]", "",
     "Deferoxamine, an FDA-approved iron chelator. In the model it removes labile and lysosomal iron, which "
     "activates the IRPs (TfR1 up, ferritin degraded), stabilises HIF-1α, lowers demethylase activity and stemness, "
     "and raises PpIX after 5-ALA because ferrochelatase lacks iron."),
    ("DFP", "deferiprone (DFP)", "µM", 10, 200, 100, 0, "R23", "[25,26,27,28,29,30]", "",
     "Deferiprone, an oral membrane-permeant iron chelator. It removes labile iron in the cytosol (R23)."),
    ("DFX", "deferasirox (DFX)", "µM", 5, 50, 20, 0, "R23", "[25,26,27,28,29,30]", "",
     "Deferasirox, an oral tridentate chelator, more potent per µM than DFO in the model. It removes labile iron (R23)."),
    ("Dp44mT", "Dp44mT", "µM", 0.01, 1, 0.1, 0, "R23, R27", "[31,32,33]", "",
     "A thiosemicarbazone chelator active at nanomolar doses. It removes labile iron and its iron complex is "
     "redox-active, so it also produces ROS (R27)."),
    ("CUR", "curcumin", "µM", 5, 50, 20, 0, "R23", "[34]", "",
     "Curcumin from Curcuma longa has weak iron-chelating activity (R23). Its other effects (e.g. NRF2 induction) are not modelled."),
    ("SAL", "salinomycin", "µM", 0.5, 10, 2, 0, "R5, R6, R8 (f_sal)", "[4]", "{Ma17}",
     "Salinomycin (and its analogue ironomycin) traps iron in lysosomes by blocking its exit. The cytosolic LIP "
     "falls, ferritin is degraded in response, and the redox-active lysosomal iron drives lipid peroxidation and ferroptosis."),
    ("ERA", "erastin", "µM", 0.1, 20, 10, 0, "R33 (I_xc)", "[57]", "{Di14}",
     "Erastin blocks System Xc-, starving the cell of cystine. Cysteine and glutathione fall, GPX4 stalls and "
     "lipid peroxides accumulate until ferroptosis."),
    ("SAS", "sulfasalazine", "µM", 100, 2000, 1000, 0, "R33 (I_xc)", "[61,62]", "",
     "Sulfasalazine (salazosulfapyridine) is a weak xCT inhibitor tested against CD44v-expressing CSCs. In the "
     "model it acts like a low-potency erastin."),
    ("RSL3", "RSL3", "µM", 0.01, 1, 0.1, 0, "R41", "[57,59,60]", "{Ya14}",
     "RSL3 covalently inactivates GPX4, so lipid hydroperoxides are no longer removed; cells die by ferroptosis "
     "faster when they hold more redox-active iron."),
    ("FER1", "ferrostatin-1", "µM", 0.01, 2, 1, 0, "R29, R30 (f_RTA)", "", "{Di12}",
     "Ferrostatin-1 is a radical-trapping antioxidant that stops lipid peroxidation chains and blocks ferroptosis. "
     "It is not in the seed; it is a control to show that a death is ferroptotic."),
    ("LIP1", "liproxstatin-1", "µM", 0.01, 2, 0.2, 0, "R29, R30 (f_RTA)", "", "",
     "Liproxstatin-1 is a radical-trapping antioxidant (EC50 about 20 nM) that blocks ferroptosis; a control "
     "not discussed in the seed."),
    ("ML385", "ML385", "µM", 1, 10, 5, 0, "Nn (f_ML): R14, R15, R28, R34, R37, R40, R56, R58", "[54,55,56]", "{Si16}",
     "ML385 inhibits NRF2, so all NRF2 targets (xCT, GSH synthesis, GPX4, ferritin, HO-1, ABCG2) drop. This "
     "lowers the antioxidant shield of CSCs and sensitises them to erastin."),
    ("KO143", "Ko143", "µM", 0.01, 1, 1, 0, "R52", "[69]", "{Ka19}",
     "Ko143 inhibits the ABCG2 pump, so PpIX is no longer expelled. Combined with 5-ALA it raises PpIX "
     "fluorescence and photodynamic killing, especially in ABCG2-high CSCs."),
    ("ZNPP", "zinc protoporphyrin (ZnPP)", "µM", 1, 20, 10, 0, "R54", "[5]", "",
     "Zinc protoporphyrin inhibits heme oxygenase 1. Less heme breakdown slows the flux through the PpIX-heme "
     "pathway and raises PpIX after 5-ALA."),
    ("FECHI", "ferrochelatase inhibitor", "µM", 1, 20, 10, 0, "R51", "[70]", "",
     "A ferrochelatase inhibitor (for example N-methyl protoporphyrin) blocks iron insertion into PpIX, so PpIX "
     "accumulates after 5-ALA."),
    ("ANTITFR1", "anti-TFR1 antibody", "nM", 0.1, 100, 10, 0, "R2, R3 (f_ab)", "[39]", "",
     "An antibody against transferrin receptor 1 that blocks transferrin binding and speeds receptor loss. Iron "
     "uptake, labile iron and stemness fall."),
    ("YC1", "YC-1", "µM", 1, 20, 10, 0, "HIFn: R1, R63", "[46]", "",
     "YC-1 suppresses HIF-1α activity. In the model it lowers the HIF drive on TfR1 and on stemness."),
    ("HEP", "hepcidin", "nM", 0, 200, 50, 2, "R16", "[6,11,12]", "{Ne04, MM13}",
     "The iron hormone hepcidin binds ferroportin and makes it internalise and degrade, so iron export stops "
     "and iron is retained. Tumours and patients often have high hepcidin. Default 2 nM."),
    ("TfFe", "holo-transferrin", "µM", 0, 5, 2, 0.5, "R3 (f_Tf)", "[7]", "",
     "Iron-loaded (diferric) transferrin in the medium, the iron source of TfR1. Raise it to load cells with "
     "iron, lower it for iron deprivation. Default 0.5 µM (10% serum)."),
    ("ALA_ext", "5-aminolevulinic acid (5-ALA)", "µM", 0, 2000, 1000, 0, "R45", "[63,64,65,66]", "",
     "The prodrug 5-ALA, taken up and converted into the fluorescent photosensitiser PpIX because it bypasses "
     "the heme feedback on ALAS1. Used for photodynamic diagnosis (PDD) and therapy (PDT)."),
    ("IRR", "light fluence rate", "mW/cm²", 1, 100, 10, 0, "R27, R53, R59", "[63]", "",
     "Red light for photodynamic therapy, switched on only inside the light window. Illuminated PpIX makes "
     "singlet oxygen (ROS) and accumulates a photodynamic dose; light also bleaches PpIX. Fluence (J/cm²) = "
     "3.6 x rate (mW/cm²) x hours."),
    ("O2", "oxygen", "µM", 5, 200, 15, 150, "R61 (o2f)", "[47]", "{QP06}",
     "Dissolved oxygen. The HIF prolyl hydroxylases need O₂, so lowering it (the hypoxic CSC niche) stabilises "
     "HIF-1α. Default 150 µM (normoxic medium); the typical dose of 15 µM mimics hypoxia."),
]
for (iid, name, unit, lo, hi, dose, default, term, seed, src, expl) in INPUTS:
    par(iid, default, unit, name + " (input)", "drug", src or "MODEL.md §6.2", seed, False, expl)

# --- phenotype multipliers (MODEL.md §5.1): (id, CSC value, target, seedRefs, evidence text)
MULTIPLIERS = [
    ("m_TfR1", 2.0, "TfR1 synthesis (R1)", "[3,4,8,9]",
     "TFR1 is up in breast, prostate, cholangiocarcinoma and GBM CSCs; the only iron protein undisputed across cancers. Net TfR1 x1.50."),
    ("m_TF", 1.5, "effective holo-Tf (f_Tf, R3)", "[3,8]", "TF protein is up in GBM and ovarian CSCs. Net uptake x1.2."),
    ("m_FPN", 0.3, "ferroportin synthesis (R15)", "[3,10,43]",
     "FPN1 is down in ovarian and cholangiocarcinoma CSCs; promoter hypermethylation lowers it. Net FPN x0.43."),
    ("m_FT", 2.5, "ferritin synthesis (R14)", "[3,8,9,53]",
     "Ferritin is up in glioblastoma stem-like cells and H-ferritin goes with CSC features. Net FT x3.8, FtFe x5.2."),
    ("m_CP", 0.5, "ceruloplasmin ferroxidase activity (R17)", "[7]", "Ceruloplasmin is reduced in CSCs, helping iron retention."),
    ("m_NRF2", 2.5, "NRF2 synthesis (R42)", "[55,56]", "CD44/ALDH CSC markers go with elevated NRF2. Net NRF2 x2.5."),
    ("m_CD44v", 3.0, "CD44v synthesis (R39)", "[58]", "CD44v is expressed in CSCs and suppresses ferroptosis via System Xc-. Net CD44v x3, xCT x3.3, GSH x2.1."),
    ("m_CD44", 2.0, "CD44 synthesis (R26)", "[41]", "CD44-mediated iron endocytosis is raised in CSCs. Net CD44 x2.1."),
    ("m_ABCG2", 3.0, "ABCG2 synthesis (R58)", "[67,68,69]", "CSCs are enriched in the ABCG2-high population. Net ABCG2 x3.7."),
    ("m_HO1", 1.5, "HO-1 synthesis (R56)", "[5]", "HO-1 is up in glioma CSCs. Net HO-1 x2.2."),
    ("m_FECH", 1.0, "ferrochelatase activity (R51)", "[5,70]", "No FECH difference in GBM [5]; use 1.5 for an A172-type CSC [70]."),
    ("m_CD133", 1.5, "CD133 synthesis (R25)", "[15]", "CD133 is a CSC marker and part of the CD133-Tf-iron network. Net CD133 x1.8."),
    ("m_stem", 1.5, "stemness drive (R63)", "[18,19]", "Non-iron self-renewal circuits (Notch/Wnt/Hedgehog). Stem 0.71 vs 0.44."),
]
for (mid, csc, target, seed, text) in MULTIPLIERS:
    par(mid, 1, DL, "phenotype multiplier on " + target, "phenotype", "MODEL.md §5.1", seed, False,
        "Phenotype multiplier, 1 in non-CSCs; the CSC preset sets it to %g. %s" % (csc, text))

# --- gene multipliers (MODEL.md §6.1): (gene id, display name, term, seedRefs, explanation)
GENES = [
    ("TfR1", "TFR1", "R1", "[3,4,8,9,39]",
     "Knocking down the transferrin receptor cuts the main iron entry route: labile iron, ferritin iron and the iron-"
     "dependent stemness score fall. Overexpression mimics the TFR1-high CSC state."),
    ("FPN", "FPN1 (SLC40A1)", "R15", "[6,10,43]",
     "Silencing ferroportin, the only iron exporter, makes cells retain iron (as FPN1 promoter hypermethylation does in CSCs); "
     "overexpression drains the labile iron pool."),
    ("FT", "ferritin (FTH1)", "R14", "[8,9,40,53]",
     "Ferritin stores iron safely. Knocking it down frees iron into the labile pool and sensitises cells to lipid "
     "peroxidation and ferroptosis (like FTL down-regulation by miR-133a); overexpression protects."),
    ("IRP1", "IRP1 (ACO1)", "R18", "[13,15]",
     "Scales total IRP1. Less IRP1 lifts the IRE repression of ferritin, ferroportin and CD133 (CD133 rises) and "
     "weakens TfR1 mRNA stabilisation."),
    ("IRP2", "IRP2 (IREB2)", "R19", "[13,14]",
     "Scales IRP2 synthesis. More IRP2 raises TfR1 and represses ferritin and ferroportin, enlarging the labile iron pool "
     "(the cancer iron phenotype of {Ch17})."),
    ("myc", "c-Myc", "R19", "[14]",
     "The oncogene c-Myc induces IRP2; in the model it acts only through IRP2 synthesis, raising labile iron."),
    ("NCOA4", "NCOA4", "R12 (k_phag)", "[4]",
     "NCOA4 delivers ferritin to lysosomes (ferritinophagy). Knocking it down keeps iron locked in ferritin; "
     "overexpression releases it into the lysosome and the labile pool."),
    ("CD133", "CD133 (PROM1)", "R25", "[15]",
     "CD133 supports transferrin endocytosis; knocking it down lowers iron uptake and the labile iron pool."),
    ("CD44", "CD44", "R26", "[41]",
     "CD44 imports hyaluronate-bound iron; knockdown removes this alternative iron route (about 8% of uptake in the model)."),
    ("CD44v", "CD44 variant", "R39", "[58]",
     "CD44v stabilises xCT; knocking it down lowers cystine import and glutathione and sensitises CSCs to ferroptosis."),
    ("xCT", "SLC7A11 (System Xc⁻)", "R37", "[57,58]",
     "xCT imports cystine for glutathione. Knockdown mimics erastin: GSH falls and lipid peroxides rise."),
    ("GPX4", "GPX4", "R40", "[57,59,60]",
     "GPX4 removes lipid hydroperoxides; knocking it down triggers ferroptosis like RSL3."),
    ("NRF2", "NRF2 (NFE2L2)", "R42", "[54,55,56]",
     "NRF2 drives the antioxidant genes; knockdown lowers xCT, GSH synthesis, GPX4, ferritin, HO-1 and ABCG2 and "
     "sensitises cells to ferroptosis, like ML385."),
    ("HO1", "HO-1 (HMOX1)", "R56", "[5]",
     "HO-1 degrades heme and speeds the PpIX-heme pathway; knockdown raises PpIX after 5-ALA."),
    ("ABCG2", "ABCG2", "R58", "[67,68,69]",
     "ABCG2 pumps PpIX out of the cell; knockdown raises PpIX after 5-ALA, like Ko143."),
    ("FECH", "ferrochelatase (FECH)", "R51", "[5,70]",
     "Ferrochelatase turns PpIX into heme; knockdown makes PpIX accumulate, overexpression (A172-type CSCs) lowers it."),
    ("HIF1a", "HIF-1α (HIF1A)", "R60", "[44,45,46,47]",
     "HIF-1α supports stemness and TfR1; knockdown lowers both, overexpression mimics the hypoxic niche."),
]
for (gid, gname, term, seed, expl) in GENES:
    par("x_" + gid, 1, DL, "gene multiplier for " + gname, "gene", "MODEL.md §6.1", seed, False,
        "Gene perturbation multiplier (1 = unperturbed, 0 = knockout, >1 = overexpression) on " + term + ". " + expl)

# ---------------------------------------------------------------------------------------------
# Derived quantities (assignment rules). (id, math, units, category, explanation)
# ---------------------------------------------------------------------------------------------
DERIVED = [
    ("IRPn", "(IRP1 + w_irp2*IRP2)/IRP_ref", DL, "iron",
     "IRP activity: combined IRE-binding activity of IRP1 and IRP2 relative to the non-CSC steady state (1 = normal). "
     "It rises when iron is scarce and tells the cell to make more TfR1 and less ferritin and ferroportin."),
    ("IRP1n", "IRP1/IRP1_ref", DL, "iron", "Active IRP1 relative to the non-CSC steady state; it alone controls the CD133 IRE."),
    ("f_ML", "1/(1 + ML385/IC50_ml385)", DL, "drug", "Fraction of NRF2 activity left under the inhibitor ML385."),
    ("Nn", "NRF2/NRF2_ref*f_ML", DL, "redox", "Effective NRF2 activity relative to the non-CSC steady state, after ML385."),
    ("HIFn", "HIF1a/HIF_ref*(1 - inh(YC1, IC50_yc1))", DL, "stemness", "Effective HIF-1α activity relative to the non-CSC steady state, after YC-1."),
    ("Epin", "Epi/Epi_ref", DL, "stemness", "Demethylase activity relative to the non-CSC steady state."),
    ("FeR", "LIP + w_lys*Fe_lys", "µM", "iron",
     "Redox-active iron: labile cytosolic iron plus part of the lysosomal iron. This is the iron that catalyses "
     "Fenton chemistry and lipid peroxidation, so it sets the ferroptosis risk."),
    ("f_Tf", "TfFe*m_TF/(K_Tf + TfFe*m_TF)", DL, "iron", "Fraction of TfR1 loaded with holo-transferrin."),
    ("f_ab", "ANTITFR1/(ANTITFR1 + K_ab)", DL, "drug", "Fraction of TfR1 blocked by the anti-TFR1 antibody."),
    ("f_sal", "1/(1 + SAL/IC50_sal)", DL, "drug", "Fraction of endolysosomal iron export left under salinomycin."),
    ("I_xc", "1 - (1 - inh(ERA, IC50_era))*(1 - inh(SAS, IC50_sas))", DL, "drug",
     "Combined fractional inhibition of System Xc- by erastin and sulfasalazine."),
    ("f_RTA", "1/(1 + FER1/IC50_fer1 + LIP1/IC50_lip1)", DL, "drug",
     "Fraction of lipid peroxidation chains not trapped by ferrostatin-1/liproxstatin-1."),
    ("k_phag_LIP", "(k_phag0 + k_phag_max*K_ncoa4^2/(K_ncoa4^2 + LIP^2))*x_NCOA4", "/h", "iron",
     "Ferritinophagy rate k_phag(LIP): NCOA4 sends ferritin to lysosomes, faster when iron is low."),
    ("k_phag_ref", "(k_phag0 + k_phag_max*K_ncoa4^2/(K_ncoa4^2 + LIP_ref^2))*x_NCOA4", "/h", "iron",
     "Ferritinophagy rate at the reference LIP, k_phag(LIP_ref), used in the ferritin synthesis constant."),
    ("o2f", "O2/(Km_phd_o2 + O2)/(O2_ref/(Km_phd_o2 + O2_ref))", DL, "stemness",
     "Oxygen factor of PHD activity, 1 at normoxia; lower under hypoxia."),
    ("s_TfR1", "TfR1_ref*k_tfr*m_TfR1*x_TfR1", "µM/h", "iron", "TfR1 synthesis constant."),
    ("s_FT", "FT_ref*(k_ft + k_phag_ref + mu)*m_FT*x_FT", "µM/h", "iron", "Ferritin synthesis constant."),
    ("s_FPN", "FPN_ref*(k_fpn + k_hep*hill(Hep, K_hep, n_hep))*m_FPN*x_FPN", "µM/h", "iron",
     "Ferroportin synthesis constant, set against the basal hepcidin Hep."),
    ("keap_ref", "k_keap/(1 + (ROS_ref/K_rosN)^2 + LOOH_ref/K_loohN) + k_n0", "/h", "redox",
     "NRF2 decay rate at the non-CSC steady state (KEAP1 partly inactivated by basal ROS/LOOH)."),
    ("s_xCT", "xCT_ref*k_xct/(1 + a_cd44v)*x_xCT", "µM/h", "redox", "xCT synthesis constant."),
    ("s_CD133", "CD133_ref*k_cd133*m_CD133*x_CD133", "µM/h", "stemness", "CD133 synthesis constant."),
    ("s_CD44", "CD44_ref*k_cd44d*m_CD44*x_CD44", "µM/h", "stemness", "CD44 synthesis constant."),
    ("s_ALAS1", "ALAS1_ref*k_alas1*(1 + (Heme_ref/Ki_heme_alas)^n_alas)", "µM/h", "heme", "ALAS1 synthesis constant without heme repression."),
    ("X_stem", "Epi*act(HIFn, w_hif_stem, K_act)*m_stem", DL, "stemness",
     "Stemness drive X of R63: iron-dependent demethylase activity, boosted by HIF-1α and by non-iron self-renewal circuits."),
    # readouts (MODEL.md §7)
    ("GPX4_activity", "GPX4*GSH/(K_gsh_gpx + GSH)", "µM", "redox",
     "Effective active GPX4: the enzyme amount times its glutathione saturation. It falls with RSL3 (less enzyme) "
     "and with erastin or sulfasalazine (less glutathione)."),
    ("Ferroptosis_index", "hill(LOOH, K_fd, n_fd)", DL, "redox",
     "Instantaneous ferroptotic death pressure between 0 and 1: near 0 at basal lipid peroxides, 1/2 when they reach "
     "the death threshold K_fd (2 µM)."),
    ("PDT_survival", "exp(-PDT/D0_pdt)", DL, "heme",
     "Fraction of cells surviving the photodynamic dose (log-linear survival)."),
    ("Viability", "V*exp(-PDT/D0_pdt)", DL, "phenotype",
     "Total surviving fraction: ferroptosis survival V times photodynamic survival. The claims use it for every IC50."),
    ("Total_iron", "LIP + FtFe + Fe_lys + Fe_mito + Fe2_endo + Fe3_endo", "µM", "iron",
     "Total tracked intracellular iron: labile, ferritin, lysosomal, mitochondrial and endosomal. CSCs hold several times more."),
]
READOUTS = ["FeR", "IRPn", "GPX4_activity", "Ferroptosis_index", "Viability", "PDT_survival", "Total_iron"]

# ---------------------------------------------------------------------------------------------
# Reactions (MODEL.md §3). (id, name, reactants, products, law, reversible, category, figure, seedRefs,
# sources, estimated, explanation). Reactant/product entries: "X" or ("X", stoich).
# Modifiers are computed: every species the law depends on (directly or through assignment rules)
# that is not a reactant (LOOH in R30 and GSH in R31 are modifiers as MODEL.md §3.5 asks).
# ---------------------------------------------------------------------------------------------
R = []


def rxn(rid, name, reac, prod, law, cat, fig, seed, src, est, expl, reversible=False):
    R.append(dict(id=rid, name=name, reac=reac, prod=prod, law=law, rev=reversible, cat=cat, fig=fig,
                  seed=seed, src=src, est=est, expl=expl))


F1, F2 = "Fig. 1", "Fig. 2"
# 3.1 iron uptake, storage, export
rxn("R1", "TfR1 synthesis", [], ["TfR1"], "s_TfR1*stab(IRPn, b_tfr, h_tfr)*act(HIFn, wH_tfr, K_act)", "iron", F1,
    "[3,4,8,9]", "{Ch12, MM13}", True,
    "Cells make transferrin receptor 1. When iron is low the IRPs bind and stabilise its mRNA, and HIF-1α "
    "also induces it, so TfR1 rises during iron chelation; CSCs have a higher basal drive (m_TfR1).")
rxn("R2", "TfR1 degradation", ["TfR1"], [], "(k_tfr + k_abdeg*f_ab)*TfR1", "iron", F1, "[39]", "{MM13}", False,
    "Receptor turnover with a half-life of about a day; an anti-TFR1 antibody adds extra receptor loss.")
rxn("R3", "transferrin iron uptake", [], ["Fe3_endo"],
    "n_Fe*k_cyc*TfR1*f_Tf*(1 - f_ab)*act(CD133/CD133_ref, w_cd133, K_act)", "iron", F1, "[7,15]", "{TfR92, BB82}", False,
    "Iron-loaded transferrin binds TfR1 and is taken into endosomes, delivering four Fe³⁺ per receptor cycle of about "
    "10 min. Uptake grows with receptor number and holo-Tf, is blocked by anti-TFR1 antibodies and is helped by CD133.")
rxn("R4", "STEAP3 reduction", ["Fe3_endo"], ["Fe2_endo"], "k_steap3*Fe3_endo", "iron", F1, "[7]", "", True,
    "The endosomal ferrireductase STEAP3 reduces Fe³⁺ to Fe²⁺, the form DMT1 can transport.")
rxn("R5", "DMT1 export to the LIP", ["Fe2_endo"], ["LIP"], "k_dmt1*Fe2_endo*f_sal", "iron", F1, "[7]", "", True,
    "DMT1 moves endosomal Fe²⁺ into the cytosolic labile iron pool. Salinomycin blocks this exit.")
rxn("R6", "endosomal iron trapped in lysosomes", ["Fe2_endo"], ["Fe_lys"], "k_dmt1*Fe2_endo*(1 - f_sal)", "iron", F1,
    "[4]", "{Ma17}", True,
    "Under salinomycin, endosomal iron cannot leave and ends up in lysosomes instead of the cytosol. Without the drug this flux is zero.")
rxn("R7", "CD44-hyaluronate iron uptake", [], ["Fe_lys"], "k_cd44*CD44*HAFe_ext", "iron", F1, "[41]", "", True,
    "CD44 takes up hyaluronate-bound iron by endocytosis into the endolysosomal system, an alternative iron route "
    "that CSCs with more CD44 use more.")
rxn("R8", "lysosomal iron efflux", ["Fe_lys"], ["LIP"], "k_lysout*Fe_lys*f_sal", "iron", F1, "[4]", "{Ma17}", True,
    "Lysosomal Fe²⁺ leaves into the cytosol within about an hour. Salinomycin blocks it, trapping redox-active iron in lysosomes.")
rxn("R9", "ferritin iron loading", ["LIP"], ["FtFe"], "k_ftin*FT*max(0, 1 - FtFe/(Ft_cap*FT))*LIP", "iron", F1,
    "[53]", "{DD09}", True,
    "H-ferritin oxidises labile Fe²⁺ and stores it as a mineral core, up to 4500 atoms per shell. More ferritin "
    "shells soak up more labile iron, which protects against Fenton chemistry.")
rxn("R10", "ferritin iron release", ["FtFe"], ["LIP"], "k_ftrel*FtFe", "iron", F1, "", "", True,
    "A slow, non-degradative leak of stored iron back to the labile pool.")
rxn("R11_FT", "proteasomal ferritin degradation (shells)", ["FT"], [], "k_ft*FT", "iron", F1, "", "{DD09}", True,
    "Ferritin shells are degraded by the proteasome after their iron has been extracted.")
rxn("R11_Fe", "proteasomal ferritin degradation (iron)", ["FtFe"], ["LIP"], "k_ft*FtFe", "iron", F1, "", "{DD09}", True,
    "The iron of proteasomally degraded ferritin returns to the cytosolic labile pool.")
rxn("R12_FT", "ferritinophagy (shells)", ["FT"], [], "k_phag_LIP*FT", "iron", F1, "[4]", "{SM18, DD09}", True,
    "NCOA4 delivers ferritin to lysosomes for digestion (ferritinophagy). It speeds up when iron is low, for example "
    "under DFO; breast CSCs degrade ferritin in lysosomes on iron depletion.")
rxn("R12_Fe", "ferritinophagy (iron)", ["FtFe"], ["Fe_lys"], "k_phag_LIP*FtFe", "iron", F1, "[4]", "{SM18, DD09}", True,
    "Iron from ferritin digested in lysosomes becomes lysosomal iron, which later leaves into the labile pool.")
rxn("R13_FT", "growth dilution (shells)", ["FT"], [], "mu*FT", "iron", F1, "", "", False,
    "Cell growth (doubling about 23 h) dilutes ferritin shells.")
rxn("R13_Fe", "growth dilution (iron)", ["FtFe"], [], "mu*FtFe", "iron", F1, "", "", False,
    "Cell growth dilutes stored ferritin iron, which makes storage a true sink of iron.")
rxn("R14", "ferritin synthesis", [], ["FT"], "s_FT*rep(IRPn, c_rep, h_rep)*act(Nn, wN_ft, K_act)", "iron", F1,
    "[3,8,9,13]", "", True,
    "Ferritin is translated unless IRPs block its 5' IRE (low iron); NRF2 also induces it. CSCs have a higher drive (m_FT).")
rxn("R15", "ferroportin synthesis", [], ["FPN"], "s_FPN*rep(IRPn, c_rep, h_rep)*act(Nn, wN_fpn, K_act)", "iron", F1,
    "[10,13,43]", "", True,
    "Ferroportin is translated unless IRPs block its 5' IRE; NRF2 induces it. CSCs make less (m_FPN), for example "
    "through promoter hypermethylation.")
rxn("R16", "ferroportin degradation", ["FPN"], [], "(k_fpn + k_hep*hill(HEP, K_hep, n_hep))*FPN", "iron", F1,
    "[6]", "{Ne04, MM13}", False,
    "Basal ferroportin turnover plus hepcidin-induced internalisation and degradation: hepcidin shuts down iron export.")
rxn("R17", "ferroportin iron export", ["LIP"], [],
    "kcat_fpn*FPN*LIP/(Km_fpn + LIP)*((1 - w_cp) + w_cp*CP*m_CP)", "iron", F1, "[6,7]", "{MM13}", True,
    "Ferroportin exports labile iron from the cell; the ferroxidase ceruloplasmin supports the efflux. Less "
    "ferroportin and ceruloplasmin in CSCs mean iron retention.")
rxn("R18", "IRP1 iron-sulfur switch", [], ["IRP1"],
    "k_irp1*(IRP1_tot*x_IRP1*K_irp1^n_irp/(K_irp1^n_irp + LIP^n_irp) - IRP1)", "iron", F1, "[13]", "{Ch12, MM13}", True,
    "IRP1 switches between a cytosolic aconitase with an iron-sulfur cluster (high iron) and an RNA-binding "
    "apo-protein (low iron). The net rate relaxes active IRP1 towards its iron-dependent target and may be negative.",
    reversible=True)
rxn("R19", "IRP2 synthesis", [], ["IRP2"], "s_irp2*x_IRP2*x_myc", "iron", F1, "[14]", "", True,
    "IRP2 is made at a constant rate that the oncogene c-Myc induces.")
rxn("R20", "IRP2 degradation", ["IRP2"], [], "(k_irp2_0 + k_irp2_fe*hill(LIP, K_irp2, n_irp))*IRP2", "iron", F1,
    "[13]", "{MM13}", True,
    "IRP2 is degraded slowly at all times and fast when iron is high, through the iron-sensing FBXL5 ubiquitin ligase.")
rxn("R21", "mitoferrin iron import", ["LIP"], ["Fe_mito"], "V_mfrn*LIP/(Km_mfrn + LIP)", "iron", F1 + ", " + F2,
    "", "{Ha15}", True,
    "Mitoferrin imports labile iron into mitochondria for iron-sulfur clusters and heme synthesis.")
rxn("R22", "mitochondrial iron use", ["Fe_mito"], [], "k_fes*Fe_mito", "iron", F1, "", "{MM13}", True,
    "Mitochondrial iron is consumed by iron-sulfur cluster synthesis and other uses, and diluted by growth.")
rxn("R23", "chelation of labile iron", ["LIP"], [],
    "(k_DFO*DFO + k_DFP*DFP + k_DFX*DFX + k_Dp44mT*Dp44mT + k_CUR*CUR)*LIP", "drug", F1,
    "[21,25,26,27,28,29,30,31,32,33,34]", "", True,
    "Iron chelators (DFO, DFP, DFX, Dp44mT, curcumin) bind labile iron and remove it from use. Each drug "
    "contributes in proportion to its dose and potency.")
rxn("R24", "DFO chelation of lysosomal iron", ["Fe_lys"], [], "k_DFO_lys*DFO*Fe_lys", "drug", F1, "[25,26,27,28,29,30]", "", True,
    "DFO enters cells by endocytosis and also chelates iron in lysosomes.")
rxn("R25_syn", "CD133 synthesis", [], ["CD133"], "s_CD133*rep(IRP1n, c_rep, h_rep)", "stemness", F1, "[15]", "", True,
    "CD133 is made at a rate repressed by IRP1 binding to the IRE of its mRNA; CSCs have a higher drive (m_CD133).")
rxn("R25_deg", "CD133 turnover", ["CD133"], [], "k_cd133*CD133", "stemness", F1, "[15]", "", True,
    "CD133 protein turnover.")
rxn("R26_syn", "CD44 synthesis", [], ["CD44"], "s_CD44*act(Epin, wE_cd44, K_act)", "stemness", F1, "[41]", "", True,
    "CD44 transcription is raised by iron-dependent demethylases, a positive loop: more iron, more CD44, more "
    "hyaluronate-iron uptake.")
rxn("R26_deg", "CD44 turnover", ["CD44"], [], "k_cd44d*CD44", "stemness", F1, "[41]", "", True,
    "CD44 protein turnover.")
# 3.2 redox
rxn("R27", "ROS production", [], ["ROS"], "P_ros0 + k_Dp_ros*Dp44mT + k_pdt_ros*PpIX*IRR", "redox", F1 + ", " + F2,
    "[6,17,31,63]", "", True,
    "Mitochondria and NADPH oxidases make oxidants continuously; redox-cycling Dp44mT-iron complexes and "
    "illuminated PpIX (photodynamic singlet oxygen) add more.")
rxn("R28", "ROS clearance", ["ROS"], [], "k_ros*act(Nn, wN_ros, K_act)*ROS", "redox", F1, "[54]", "", True,
    "Catalase, peroxiredoxins and other NRF2-inducible enzymes remove hydrogen peroxide within about a minute.")
rxn("R29", "lipid peroxidation initiation (Fenton)", [], ["LOOH"], "k_init*FeR*ROS*f_RTA", "redox", F1, "[49]", "{Ko20}", True,
    "Fe²⁺ reacts with hydrogen peroxide (Fenton reaction) to form hydroxyl radicals that attack polyunsaturated "
    "membrane lipids. More redox-active iron means more lipid peroxides; radical-trapping antioxidants block it.")
rxn("R30", "lipid peroxidation propagation", [], ["LOOH"], "k_prop*FeR*LOOH*max(0, 1 - LOOH/L_max)*f_RTA", "redox", F1,
    "[50,51]", "{Ko20}", True,
    "Iron breaks lipid hydroperoxides into radicals that oxidise neighbouring lipids, so peroxides make more peroxides "
    "(LOOH -> 2 LOOH). This autocatalysis creates the ferroptotic threshold: once defences fall behind, peroxidation runs away.")
rxn("R31", "GPX4 reduction of lipid hydroperoxides", ["LOOH"], [], "k_gpx4*GPX4*LOOH*GSH/(K_gsh_gpx + GSH)", "redox", F1,
    "[57]", "{Ma16, Co04}", True,
    "GPX4 uses glutathione to reduce lipid hydroperoxides to harmless lipid alcohols. Glutathione reductase "
    "recycles the oxidised glutathione, so GSH is not consumed in the model; it only sets GPX4's speed.")
rxn("R32", "GPX4-independent LOOH removal", ["LOOH"], [], "k_loo0*LOOH", "redox", F1, "", "", True,
    "Other defences (FSP1/CoQ10, vitamin E, lipid repair) remove lipid hydroperoxides without GPX4.")
rxn("R33", "cystine import by System Xc⁻", [], [("Cys", 2)],
    "V_xc*xCT*(1 - I_xc)*Cyss_ext/(Km_xc + Cyss_ext)", "redox", F1, "[57,58]", "{Di14}", True,
    "System Xc- swaps intracellular glutamate for extracellular cystine, which is reduced to two cysteines. Erastin "
    "and sulfasalazine block it.")
rxn("R34", "glutathione synthesis", ["Cys"], ["GSH"], "V_gcl*act(Nn, wN_gcl, K_act)*Cys/(Km_cys + Cys)/(1 + GSH/Ki_gsh)",
    "redox", F1, "[57]", "{Re08}", True,
    "Glutamate-cysteine ligase and glutathione synthetase turn cysteine into glutathione; GSH inhibits its own "
    "synthesis and NRF2 induces the enzymes.")
rxn("R35", "cysteine use", ["Cys"], [], "k_cys*Cys", "redox", F1, "", "", True,
    "Cysteine is used for protein synthesis and lost by efflux.")
rxn("R36", "glutathione turnover", ["GSH"], [], "k_gsh*GSH", "redox", F1, "", "{Di12, Ya14}", True,
    "Glutathione is exported and turned over with a half-life of about 3 h, which is why erastin halves GSH within hours.")
rxn("R37", "xCT synthesis", [], ["xCT"], "s_xCT*act(Nn, wN_xct, K_act)", "redox", F1, "[54]", "", True,
    "SLC7A11 (xCT) is made at a rate that NRF2 induces.")
rxn("R38", "xCT degradation", ["xCT"], [], "k_xct/(1 + a_cd44v*CD44v/CD44v_ref)*xCT", "redox", F1, "[58]", "{Is11}", True,
    "xCT is removed from the membrane and degraded; CD44v binds and stabilises it, so CSCs with more CD44v keep more xCT.")
rxn("R39_syn", "CD44v synthesis", [], ["CD44v"], "CD44v_ref*k_cd44v*m_CD44v*x_CD44v", "redox", F1, "[58]", "", True,
    "The CD44 variant is made at a constant rate, higher in CSCs (m_CD44v).")
rxn("R39_deg", "CD44v turnover", ["CD44v"], [], "k_cd44v*CD44v", "redox", F1, "[58]", "", True, "CD44v protein turnover.")
rxn("R40", "GPX4 synthesis", [], ["GPX4"], "GPX4_ref*k_gpx4d*x_GPX4*act(Nn, wN_gpx4, K_act)", "redox", F1, "[57]", "", True,
    "GPX4 is made at a rate partly dependent on NRF2.")
rxn("R41", "GPX4 degradation and RSL3 inactivation", ["GPX4"], [], "(k_gpx4d + k_rsl3*inh(RSL3, IC50_rsl3))*GPX4",
    "redox", F1, "[57,59,60]", "{Ya14}", True,
    "GPX4 turns over slowly; RSL3 binds its active-site selenocysteine covalently and inactivates it much faster.")
rxn("R42", "NRF2 synthesis", [], ["NRF2"], "NRF2_ref*keap_ref*m_NRF2*x_NRF2", "redox", F1, "[54,55,56]", "{NRF}", False,
    "NRF2 is made continuously; CSCs make more (m_NRF2). Its level is set mainly by how fast KEAP1 destroys it.")
rxn("R43", "KEAP1-mediated NRF2 degradation", ["NRF2"], [],
    "(k_keap/(1 + (ROS/K_rosN)^2 + LOOH/K_loohN) + k_n0)*NRF2", "redox", F1, "[54]", "{NRF}", False,
    "KEAP1 targets NRF2 for degradation within minutes. Oxidants and lipid electrophiles inactivate KEAP1, so "
    "oxidative stress lets NRF2 accumulate and switch on antioxidant genes.")
rxn("R44", "ferroptotic death", ["V"], [], "k_fd*hill(LOOH, K_fd, n_fd)*V", "redox", F1, "[50,51]", "", True,
    "Cells die by ferroptosis at a rate that switches on steeply when lipid hydroperoxides pass the death threshold. Death is irreversible.")
# 3.3 heme
rxn("R45", "5-ALA uptake", [], ["ALA"], "V_alaup*ALA_ext/(K_alaup + ALA_ext)", "heme", F2, "[63,64,65,66]", "", True,
    "Exogenous 5-ALA enters cells through peptide and amino-acid transporters that work in the millimolar range.")
rxn("R46", "ALA efflux", ["ALA"], [], "k_ala_out*ALA", "heme", F2, "", "", True, "Intracellular ALA leaks out of the cell.")
rxn("R47", "ALAS1 synthesis", [], ["ALAS1"], "s_ALAS1/(1 + (Heme/Ki_heme_alas)^n_alas)", "heme", F2, "", "", True,
    "ALAS1 is made at a rate repressed by heme, the classic end-product feedback of heme synthesis (Fig. 2).")
rxn("R48", "ALAS1 degradation", ["ALAS1"], [], "k_alas1*ALAS1", "heme", F2, "", "", True,
    "ALAS1 is a short-lived mitochondrial enzyme (half-life about 1 h).")
rxn("R49", "endogenous ALA synthesis", [], ["ALA"], "kcat_alas*ALAS1", "heme", F2, "", "", True,
    "ALAS1 makes ALA from succinyl-CoA and glycine in mitochondria.")
rxn("R50", "ALA to PpIX", [("ALA", 8)], ["PpIX"], "V_pbgd*ALA/(Km_ala + ALA)", "heme", F2, "[63]", "{Ju99}", True,
    "Eight ALA molecules are assembled into one protoporphyrin IX through the porphyrin pathway (ALAD to PPOX, "
    "lumped); PBGD is the slow step.")
rxn("R51", "ferrochelatase", ["PpIX", "Fe_mito"], ["Heme"],
    "kcat_fech*m_FECH*x_FECH*(1 - inh(FECHI, IC50_fechi))*PpIX/(Km_fech_p + PpIX)*Fe_mito/(Km_fech_fe + Fe_mito)/(1 + Heme/Ki_fech_heme)",
    "heme", F2, "[5,70]", "{Ha15}", True,
    "Ferrochelatase inserts mitochondrial iron into PpIX to make heme. Iron-rich CSCs convert PpIX faster and so "
    "show less PpIX; iron chelators or FECH inhibitors make PpIX accumulate.")
rxn("R52", "ABCG2 efflux of PpIX", ["PpIX"], [], "kcat_abcg2*ABCG2*(1 - inh(KO143, IC50_ko143))*PpIX/(Km_abcg2 + PpIX)",
    "heme", F2, "[67,68,69]", "{Ka19}", True,
    "The ABCG2 pump expels PpIX from the cell. CSCs have more ABCG2 and so less PpIX; Ko143 blocks the pump.")
rxn("R53", "PpIX loss and photobleaching", ["PpIX"], [], "k_ppix_out*PpIX + beta_bleach*3.6*IRR*PpIX", "heme", F2, "[63]", "", True,
    "PpIX leaks out passively, and during irradiation light destroys it (photobleaching).")
rxn("R54", "heme oxygenase 1", ["Heme"], ["LIP"], "kcat_ho*HO1*(1 - inh(ZNPP, IC50_znpp))*Heme/(Km_ho + Heme)", "heme", F2,
    "[5]", "{MM13}", True,
    "HO-1 breaks heme into biliverdin, CO and Fe²⁺, returning iron to the labile pool. High HO-1 in CSCs pulls the "
    "PpIX-heme pathway forward; ZnPP inhibits it.")
rxn("R55", "heme incorporation", ["Heme"], [], "k_heme_use*Heme", "heme", F2, "", "", True,
    "Free heme is built into cytochromes and other hemoproteins or exported.")
rxn("R56", "HO-1 synthesis", [], ["HO1"],
    "HO1_ref*k_ho*m_HO1*x_HO1*act(Nn, wN_ho, K_act)*act(Heme/Heme_ref, wH_ho, KH_ho)", "heme", F2, "[5]", "", True,
    "HMOX1 is a strong NRF2 target and is also induced by heme (heme releases the repressor BACH1); CSCs have a higher drive (m_HO1).")
rxn("R57", "HO-1 degradation", ["HO1"], [], "k_ho*HO1", "heme", F2, "", "{MM13}", False, "HO-1 turns over with a half-life of 6-7 h.")
rxn("R58_syn", "ABCG2 synthesis", [], ["ABCG2"], "ABCG2_ref*k_abcg2*m_ABCG2*x_ABCG2*act(Nn, wN_abcg2, K_act)", "heme", F2,
    "[67,68]", "", True, "ABCG2 is made at a rate induced by NRF2; CSCs have a higher drive (m_ABCG2).")
rxn("R58_deg", "ABCG2 turnover", ["ABCG2"], [], "k_abcg2*ABCG2", "heme", F2, "[67,68]", "", True, "ABCG2 protein turnover.")
rxn("R59", "photodynamic dose accumulation", [], ["PDT"], "3.6*PpIX*IRR", "heme", F2, "[63]", "", False,
    "During irradiation the photodynamic dose grows as PpIX times the light fluence (3.6 J/cm² per mW/cm² and hour). "
    "Survival falls exponentially with this dose.")
# 3.4 HIF / epigenetics / stemness
rxn("R60", "HIF-1α synthesis", [], ["HIF1a"], "HIF_ref*(k_hif0 + k_phd*LIP_ref/(Km_phd_fe + LIP_ref))*x_HIF1a",
    "stemness", F1, "[44,45,47]", "{QP06}", False,
    "HIF-1α is made continuously at a rate that balances its normal degradation.")
rxn("R61", "PHD-mediated HIF-1α degradation", ["HIF1a"], [], "(k_hif0 + k_phd*o2f*LIP/(Km_phd_fe + LIP))*HIF1a",
    "stemness", F1, "[44,45,47]", "{QP06}", False,
    "Prolyl hydroxylases need Fe²⁺ and O₂ to mark HIF-1α for destruction within minutes. Iron chelation or hypoxia "
    "slow this, so HIF-1α accumulates.")
rxn("R62", "TET/JmjC demethylase activity relaxation", [], ["Epi"], "k_epi*(LIP/(K_tet + LIP) - Epi)", "stemness", F1,
    "[17,18,19,23,24,41,42]", "", True,
    "TET DNA demethylases and JmjC histone demethylases need Fe²⁺; their activity relaxes over about 10 h towards a "
    "level set by labile iron. Chelators lower it.", reversible=True)
rxn("R63", "stemness score relaxation", [], ["Stem"], "k_stem*(X_stem^2/(K_stem^2 + X_stem^2) - Stem)", "stemness", F1,
    "[6,17,18,19,22,47]", "", True,
    "The stemness score drifts over about a day towards a level set by iron-dependent epigenetic activity, HIF-1α "
    "and non-iron self-renewal circuits. Chelators and anti-TFR1 antibodies lower it.", reversible=True)

# ---------------------------------------------------------------------------------------------
# Phenotypes and therapy presets
# ---------------------------------------------------------------------------------------------
PHENOTYPES = [
    {"id": "nonCSC", "name": "non-stem cancer cell", "values": {},
     "evidence": ev("The bulk cancer cell: every phenotype multiplier is 1, so all proteins sit at their reference "
                    "levels and the model rests at the non-CSC steady state of MODEL.md §2.",
                    "[2,6]", F1, "MODEL.md §5.1", False, "", "phenotype")},
    {"id": "CSC", "name": "cancer stem cell", "values": {m[0]: m[1] for m in MULTIPLIERS},
     "evidence": ev("A cancer stem cell as reviewed in the seed: more TFR1, transferrin, ferritin, NRF2, CD44/CD44v, "
                    "CD133, HO-1 and ABCG2, less ferroportin and ceruloplasmin. Through feedback this gives more labile "
                    "and stored iron, higher stemness, a stronger antioxidant shield and less PpIX after 5-ALA. Except "
                    "for TFR1, these protein changes are disputed between cancers, so every multiplier can be edited.",
                    "[3,4,5,7,8,9,10,15,41,43,55,56,58,67,68,69]", "Fig. 1, Fig. 2", "MODEL.md §5.1", True, "", "phenotype")},
]

LIGHT_END = 4 + 10 / 60  # 10 min of 10 mW/cm² = 6 J/cm²

THERAPIES = [
    ("dfo", "Iron chelation (DFO)", [("DFO", 100, 0, -1)], 72,
     "seed 'Current cancer treatments targeting iron metabolism': 'Iron chelators work by firmly sequestering iron ... "
     "inhibiting the expression of stemness-related markers' [21,22,25-30]; 'Iron-buffering abilities of CSCs': "
     "'During incubation with iron chelator, glioblastoma CSCs could increase iron uptake by upregulating TFR1' [3]",
     "[3,4,21,22,23,24,25,26,27,28,29,30]", "Fig. 1",
     "Deferoxamine 100 µM from t = 0. Labile iron falls within hours, the IRPs raise TfR1 and ferritin is degraded "
     "(iron buffering); over days demethylase activity and stemness fall (claims 6, 8, 9)."),
    ("anti_tfr1", "Anti-TFR1 antibody", [("ANTITFR1", 10, 0, -1)], 72,
     "seed 'Targeting iron metabolism-related proteins': 'several clinical trials have been conducted on antibodies "
     "against TFR1 and show anti-tumor efficacy' [39]",
     "[39]", "Fig. 1",
     "A 10 nM antibody against TFR1 blocks transferrin uptake and removes receptors. Labile iron and stemness fall in CSCs (claim 12)."),
    ("rsl3", "GPX4 inhibition (RSL3)", [("RSL3", 0.1, 0, -1)], 24,
     "seed 'New therapeutic strategies to tackle iron-adaptive CSCs': 'inhibiting GPX4 activity causes lipid "
     "peroxidation, which can lead to ferroptosis' [57]; 'interference with GPX4 pathways results in ferroptotic "
     "death in CSCs' [59,60]",
     "[57,59,60]", "Fig. 1",
     "RSL3 0.1 µM inactivates GPX4; lipid hydroperoxides run away and cells die by ferroptosis within a day, CSCs "
     "earlier because they hold more redox-active iron (claims 19, 20)."),
    ("erastin", "System Xc⁻ inhibition (erastin)", [("ERA", 10, 0, -1)], 48,
     "seed 'New therapeutic strategies': 'Cystine is uptaken by Xc- system for the synthesis of glutathione, which "
     "further enhances the anti-ferroptosis activity of GPX4' [57,58]",
     "[57,58]", "Fig. 1",
     "Erastin 10 µM blocks cystine import; glutathione collapses, GPX4 stalls and cells die by ferroptosis within "
     "two days (claim 21). CSCs need a higher dose (claim 22)."),
    ("sulfasalazine", "CD44v-targeting xCT inhibition (sulfasalazine)", [("SAS", 1000, 0, -1)], 48,
     "seed 'New therapeutic strategies': 'CD44v-targeting drugs like salazosulfapyridine ... are still in phase I "
     "trials for gastric cancer and non-small-cell lung cancer' [61,62]",
     "[58,61,62]", "Fig. 1",
     "Sulfasalazine 1 mM weakly inhibits System Xc-: glutathione falls and lipid peroxides rise, but less than with erastin (claim 21b)."),
    ("ml385", "NRF2 inhibition (ML385)", [("ML385", 5, 0, -1)], 48,
     "seed 'New therapeutic strategies': 'CSC markers, including CD44 and ALDH, are found to be associated with "
     "elevated NRF2 expression, which suggests that NRF2 is a sensible target for eliminating CSCs via ferroptosis' [55,56]",
     "[54,55,56]", "Fig. 1",
     "ML385 5 µM blocks NRF2, lowering xCT, glutathione synthesis and GPX4; it removes part of the CSC antioxidant "
     "shield and lowers the erastin IC50 (claim 24)."),
    ("salinomycin", "Lysosomal iron trapping (salinomycin)", [("SAL", 2, 0, -1)], 12,
     "seed 'New therapeutic strategies': 'Mai et al. inhibits breast CSCs by salinomycin, which could induce the "
     "lysosomal degradation of ferritin and activate ferroptosis' [4]",
     "[4]", "Fig. 1",
     "Salinomycin 2 µM traps iron in lysosomes: ferritin is degraded, lysosomal redox-active iron rises and lipid "
     "peroxidation follows; CSCs are more sensitive (claim 25)."),
    ("ala_pdd", "5-ALA photodynamic diagnosis", [("ALA_ext", 1000, 0, -1)], 4,
     "seed 'Photodynamic diagnosis (PDD) and therapy (PDT)': '5-ALA is a crucial precursor in the heme biosynthesis "
     "pathway, where it is converted into the photosensitizing intermediate protoporphyrin IX' [63-66]; 'CSCs "
     "accumulate less PpIX' [5]",
     "[5,63,64,65,66]", "Fig. 2",
     "1 mM 5-ALA for 4 h: cells convert it into fluorescent PpIX. CSCs accumulate less PpIX because of ABCG2 "
     "efflux, faster iron-driven conversion to heme and high HO-1 (claim 26)."),
    ("ala_pdt", "5-ALA photodynamic therapy", [("ALA_ext", 1000, 0, -1), ("IRR", 10, 4, LIGHT_END)], 24,
     "seed 'Photodynamic diagnosis (PDD) and therapy (PDT)': 'Recent studies demonstrate CSCs accumulate less PpIX, "
     "and thus, they might be resistant to 5-ALA-PDT' [5,63]",
     "[5,63]", "Fig. 2",
     "1 mM 5-ALA from t = 0, then 10 min of 10 mW/cm² light at 4 h (6 J/cm²); survival read at 24 h. With less "
     "PpIX, CSCs survive better than non-CSCs (claim 32)."),
    ("ala_pdt_ko143", "5-ALA-PDT + ABCG2 inhibitor (Ko143)",
     [("ALA_ext", 1000, 0, -1), ("KO143", 1, 0, -1), ("IRR", 10, 4, LIGHT_END)], 24,
     "seed 'Photodynamic diagnosis (PDD) and therapy (PDT)': 'Kawai et al. demonstrate that CSCs could be targeted "
     "by the combination of 5-ALA-PDD/PDT with an ABCG2 inhibitor Ko143' [69]",
     "[67,68,69]", "Fig. 2",
     "Ko143 1 µM with 5-ALA blocks PpIX efflux by ABCG2, restoring PpIX and photodynamic killing of CSCs (claims 28, 32)."),
    ("ala_pdt_znpp", "5-ALA-PDT + HO-1 inhibitor (ZnPP)",
     [("ALA_ext", 1000, 0, -1), ("ZNPP", 10, 0, -1), ("IRR", 10, 4, LIGHT_END)], 24,
     "seed 'Photodynamic diagnosis (PDD) and therapy (PDT)': 'HO-1 could be a reasonable target to enhance 5-ALA-based "
     "PDD and PDT in glioblastoma CSCs' [5]",
     "[5]", "Fig. 2",
     "ZnPP 10 µM inhibits HO-1, slowing the PpIX-heme pathway so PpIX accumulates more before irradiation (claim 29)."),
    ("ala_pdt_fechi", "5-ALA-PDT + FECH inhibitor",
     [("ALA_ext", 1000, 0, -1), ("FECHI", 10, 0, -1), ("IRR", 10, 4, LIGHT_END)], 24,
     "seed 'Photodynamic diagnosis (PDD) and therapy (PDT)': 'glioma CSCs could be targeted by the combination of "
     "5-ALA-PDD/PDT with FECH or ABCG2 inhibitors' [70]",
     "[70]", "Fig. 2",
     "A ferrochelatase inhibitor (10 µM) stops iron insertion into PpIX, so PpIX and photodynamic killing rise (claim 30)."),
    ("ala_pdt_dfo", "5-ALA-PDT + iron chelation (DFO)",
     [("ALA_ext", 1000, 0, -1), ("DFO", 100, 0, -1), ("IRR", 10, 4, LIGHT_END)], 24,
     "seed 'Photodynamic diagnosis (PDD) and therapy (PDT)': 'we found that reduced amounts of iron by DFO lead to "
     "enhanced PpIX accumulation in glioma CSCs' [5]",
     "[5]", "Fig. 2",
     "DFO 100 µM with 5-ALA starves ferrochelatase of iron, so PpIX accumulates and CSCs become more sensitive to "
     "photodynamic therapy (claim 32)."),
]

# ---------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FUNC_IDS = {f[0] for f in FUNCTIONS}
BUILTIN_FUNCS = {"max", "min", "exp"}


def symbols(formula):
    out = []
    for m in IDENT.finditer(formula):
        name = m.group(0)
        # skip exponents inside numbers such as 1e-6 (preceded by a digit)
        if m.start() > 0 and formula[m.start() - 1].isdigit():
            continue
        rest = formula[m.end():].lstrip()
        if rest.startswith("(") and (name in FUNC_IDS or name in BUILTIN_FUNCS):
            continue
        if name not in out:
            out.append(name)
    return out


def build():
    derived_math = {d[0]: d[1] for d in DERIVED}

    def species_deps(formula, seen=None):
        seen = set() if seen is None else seen
        deps = []
        for s in symbols(formula):
            if s in SPECIES_IDS:
                deps.append(s)
            elif s in derived_math and s not in seen:
                seen.add(s)
                deps.extend(species_deps(derived_math[s], seen))
        out = []
        for d in deps:
            if d not in out:
                out.append(d)
        return out

    functions = [{"id": f[0], "name": f[1], "arguments": f[2], "body": f[3],
                  "evidence": ev(f[4], "", "", "MODEL.md §1.1", False, "", "helper")} for f in FUNCTIONS]
    compartments = [{"id": c[0], "name": c[1], "size": 1, "spatialDimensions": 3, "constant": True,
                     "evidence": ev(c[3], "", c[2], "MODEL.md §1.2", False, "", "helper")} for c in COMPARTMENTS]
    species = []
    for (sid, name, comp, ss, units, cat, fig, seed, src, expl) in SPECIES:
        species.append({"id": sid, "name": name, "compartment": comp, "initialConcentration": ss,
                        "hasOnlySubstanceUnits": False, "boundaryCondition": False, "constant": False,
                        "evidence": ev(expl, seed, fig, src or "MODEL.md §2", False, units, cat)})
    parameters = []
    for (pid, value, units, name, cat, src, seed, est, expl) in P:
        parameters.append({"id": pid, "name": name, "value": value, "constant": True,
                           "evidence": ev(expl, seed, "", src, est, units, cat)})
    for (pid, math, units, cat, expl) in DERIVED:
        parameters.append({"id": pid, "name": pid, "value": 0, "constant": False,
                           "evidence": ev(expl + " Computed by an assignment rule.", "", "", "MODEL.md §3/§7", False, units, cat)})
    rules = [{"kind": "assignment", "variable": d[0], "math": d[1]} for d in DERIVED]

    def refs(items):
        out = []
        for it in items:
            sid, st = (it, 1) if isinstance(it, str) else it
            out.append({"species": sid, "stoichiometry": st})
        return out

    reactions = []
    for r in R:
        reactant_ids = [x if isinstance(x, str) else x[0] for x in r["reac"]]
        mods = [s for s in species_deps(r["law"]) if s not in reactant_ids]
        product_ids = [x if isinstance(x, str) else x[0] for x in r["prod"]]
        # a product that appears in its own rate law only as the relaxing variable (R18, R62, R63) or
        # as product inhibition (R34 GSH, R51 Heme, R9 FtFe) is not listed again, except LOOH in R30
        mods = [s for s in mods if s not in product_ids or (r["id"] == "R30" and s == "LOOH")]
        reactions.append({"id": r["id"], "name": r["name"], "reactants": refs(r["reac"]), "products": refs(r["prod"]),
                          "modifiers": mods, "kineticLaw": r["law"], "localParameters": [], "reversible": r["rev"],
                          "evidence": ev(r["expl"], r["seed"], r["fig"], r["src"] or "MODEL.md §3", r["est"], "µM/h", r["cat"])})

    genes = [{"id": g[0], "name": g[1], "parameter": "x_" + g[0], "term": g[2],
              "evidence": ev(g[4], g[3], F2 if g[0] in ("HO1", "ABCG2", "FECH") else F1, "MODEL.md §6.1", False, DL, "gene")}
             for g in GENES]
    inputs = [{"id": i[0], "name": i[1], "parameter": i[0], "unit": i[2], "typicalMin": i[3], "typicalMax": i[4],
               "typicalDose": i[5], "term": i[7],
               "evidence": ev(i[10], i[8], F2 if i[0] in ("KO143", "ZNPP", "FECHI", "ALA_ext", "IRR") else F1,
                              i[9] or "MODEL.md §6.2", False, i[2], "drug")} for i in INPUTS]
    therapies = []
    for (tid, name, doses, read, source, seed, fig, expl) in THERAPIES:
        therapies.append({"id": tid, "name": name,
                          "inputs": [{"input": d[0], "value": d[1], "start": d[2], "end": d[3]} for d in doses],
                          "genes": {}, "readTime": read, "source": source,
                          "evidence": ev(expl, seed, fig, "claims.md", False, "", "drug")})

    atol = {}
    for s in SPECIES:
        atol[s[0]] = 1e-9 if s[0] in ("PDT", "V") else float("%.6g" % (1e-6 * s[3]))

    return {
        "format": "ferroscope-project",
        "formatVersion": 1,
        "title": "Iron, ferroptosis and heme/PpIX in cancer stem cells (Ferroscope built-in model)",
        "modelVersion": "MODEL.md 1.0",
        "model": {
            "id": "iron_csc",
            "name": "Iron and heme metabolism in cancer stem cells (Wang et al. 2022, Inflamm Regen 42:34)",
            "functions": functions,
            "compartments": compartments,
            "species": species,
            "parameters": parameters,
            "initialAssignments": [],
            "rules": rules,
            "reactions": reactions,
            "events": [],
        },
        "phenotypes": PHENOTYPES,
        "genes": genes,
        "inputs": inputs,
        "therapies": therapies,
        "readouts": READOUTS,
        "defaultPhenotype": "nonCSC",
        "defaultEnd": 72,
        "defaultSteps": 720,
        "solver": {"relativeTolerance": 1e-6, "defaultAbsoluteTolerance": 1e-9, "absoluteTolerances": atol},
        "preequilibrationHours": 400,
        # MODEL.md §5.2: V and PDT are held out of the steady-state condition and reset afterwards.
        "resetAfterPreequilibration": {"V": 1, "PDT": 0},
        "clampNegativeStates": True,
    }


def tidy(value):
    """Integral floats as ints, so the file reads 4500 rather than 4500.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, dict):
        return {k: tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tidy(v) for v in value]
    return value


def main():
    project = tidy(build())
    ids = [p["id"] for p in project["model"]["parameters"]]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit("duplicate parameter ids: %s" % sorted(dup))
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(OUT), "-", len(project["model"]["species"]), "species,",
          len(project["model"]["reactions"]), "reactions,", len(ids), "parameters")


if __name__ == "__main__":
    main()
