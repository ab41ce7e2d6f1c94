// ParameterSection: the global-parameter part of the Inspector — value field and log slider
// (ParameterValueEditor) and where the parameter is used (rate laws, rules, initial assignments,
// events; click a reaction to inspect it). GUI thread only.
#pragma once

#include "ui/panels/inspector_section.h"

class QListWidget;

namespace ferroscope::ui {

class ParameterValueEditor;

class ParameterSection : public InspectorSection {
    Q_OBJECT
public:
    ParameterSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    void load(const QString &id, bool force) override;

private:
    void loadUsage();

    ParameterValueEditor *m_value = nullptr;
    QListWidget *m_usage = nullptr;
};

}  // namespace ferroscope::ui
