// PanelSpec: one trajectory panel as plain data — title, y-axis label with units, the series it
// shows (model ids with friendly names) and how its y axis is scaled. The default list is
// MODEL.md §7 (iron pools … stemness); PanelSpec::custom() builds a panel for user-chosen ids with
// units from the project's evidence. Value type, no QCustomPlot; any thread.
#pragma once

#include "core/model/project.h"

#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace ferroscope::ui {

struct SeriesSpec {
    QString id;          // model symbol (species, readout) as observed in a RunResult
    QString name;        // legend and hover name, e.g. "LIP (labile Fe²⁺)"
    QString shortName;   // for read-outs and tight legends, e.g. "LIP"
    QString unit;        // display unit, e.g. "µM", "dimensionless"
};

struct PanelSpec {
    static constexpr double kAuto = std::numeric_limits<double>::quiet_NaN();

    QString title;                 // unique within a panel list (setVisiblePanels uses it)
    QString yLabel;                // always with units, e.g. "iron (µM Fe)"
    QString yUnit;                 // compact label for large-text renders (slides), e.g. "µM Fe"
    std::vector<SeriesSpec> series;
    bool logY = false;             // series spanning decades (FtFe 50 µM vs LIP 1 µM)
    double yMin = kAuto;           // fixed bounds (fractions 0–1); NaN = automatic
    double yMax = kAuto;
    bool fraction = false;         // 0–1 quantity: compare read-out is a difference, not a ratio

    QStringList ids() const;
    bool operator==(const PanelSpec &other) const;

    /// MODEL.md §7 panels, keeping only series the project has; for a foreign model with none of
    /// them, panels of its species (six per panel) instead.
    static std::vector<PanelSpec> defaults(const core::Project &project);
    /// A panel for user-chosen ids; units and names from the project; log y for two or more ids.
    static PanelSpec custom(const core::Project &project, const QStringList &ids,
                            const QString &title = {});
};

/// Display unit of a model id from the project's evidence ("" if none is recorded).
QString unitOf(const core::Project &project, const QString &id);
/// Friendly name of a model id: the built-in ones of MODEL.md, else the model's name, else the id.
QString displayName(const core::Project &project, const QString &id);

}  // namespace ferroscope::ui
