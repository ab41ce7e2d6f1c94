// CompartmentSection: the compartment part of the Inspector — its size (read-only) and the species
// in it (click one to inspect it). GUI thread only.
#pragma once

#include "ui/panels/inspector_section.h"

class QLabel;
class QListWidget;

namespace ferroscope::ui {

class CompartmentSection : public InspectorSection {
    Q_OBJECT
public:
    CompartmentSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    void load(const QString &id, bool force) override;

private:
    QLabel *m_size = nullptr;
    QListWidget *m_species = nullptr;
};

}  // namespace ferroscope::ui
